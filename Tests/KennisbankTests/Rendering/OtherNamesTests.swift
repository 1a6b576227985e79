import XCTest
@testable import KennisbankRendering

/// "Ook:" on a concept's page lists other names, not the title's plural or hyphenless spelling.
final class OtherNamesTests: XCTestCase {
    /// The real Content's aliases: plurals of the title or of an alias shown before are left out.
    func testFormsOfTheTitleAndOfAnEarlierAliasAreLeftOut() {
        XCTAssertEqual(OtherNames.shown(title: "Identity workspace",
                                        aliases: ["identity workspaces", "identiteitswerkplaats", "identiteitswerkplaatsen"]),
                       ["identiteitswerkplaats"])
        XCTAssertEqual(OtherNames.shown(title: "Learner Identity", aliases: ["learner identities", "lerende identiteit"]),
                       ["lerende identiteit"])
        XCTAssertEqual(OtherNames.shown(title: "Professionele ruimte", aliases: ["professionele ruimten"]), [])
        XCTAssertEqual(OtherNames.shown(title: "Wordingspraktijk", aliases: ["wordingspraktijken"]), [])
        XCTAssertEqual(OtherNames.shown(title: "Niet-weten", aliases: ["niet weten", "not-knowing", "not knowing"]), ["not-knowing"])
        XCTAssertEqual(OtherNames.shown(title: "Vijf lenzen", aliases: ["five lenses"]), ["five lenses"])
    }

    /// Other names stay, however close: a different word is another name.
    func testOtherNamesStay() {
        XCTAssertEqual(OtherNames.shown(title: "Identity-based leadership", aliases: ["identity-based benadering"]),
                       ["identity-based benadering"])
        XCTAssertEqual(OtherNames.shown(title: "Drive", aliases: ["drijfveren"]), ["drijfveren"])
        XCTAssertEqual(OtherNames.shown(title: "Betekenis", aliases: ["betekenisgeving", "sensemaking", "sense-making"]),
                       ["betekenisgeving", "sensemaking", "sense-making"])
    }

    /// The Dutch and English plural endings.
    func testPlurals() {
        for (plural, word) in [("katten", "kat"), ("lenzen", "lens"), ("jaren", "jaar"), ("identities", "identity"),
                               ("ruimten", "ruimte"), ("workspaces", "workspace"), ("auto's", "auto")] {
            XCTAssertTrue(OtherNames.isPlural(plural, of: word), "\(plural) of \(word)")
        }
        XCTAssertFalse(OtherNames.isPlural("drijfveren", of: "drive"))
    }
}
