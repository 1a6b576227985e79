import Foundation
import PropertyBased
import Testing
@testable import Kennisbank
@testable import KennisbankCorpus
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The scalar-level ``CitationScanner`` finds exactly what the regular expressions of its grammar find
/// (``RegexCitationScanner``, the scanner as first written): on random texts made of the pieces of
/// citations, and on every paragraph of the real content and of a generated corpus.
@Suite struct CitationScannerTests {
    /// What both scanners should agree on, with ranges as UTF-8 offsets.
    static func same(_ text: String) -> Bool {
        CitationScanner.scan(text) == RegexCitationScanner.scan(text)
    }

    /// The pieces of citations, the characters around them, and the awkward cases of the grammar: particles,
    /// capitals from other scripts, other digits and white space, letters after years, locators.
    static let tokens: [String] = [
        "(", ")", "[", "]", "@", ";", ",", ", ", " ", " ", "  ", "\n", "\t", "\u{00A0}", "\u{2003}", "\u{000B}", "\u{0085}",
        "Kegan", "Pont", "DeRue", "Ashford", "Güell", "Ørsted", "Ärzte", "ǅemal", "Łukasz", "O’Neil", "d'Ancona", "Petriglieri-Wood",
        "van ", "Van ", "de ", "De ", "der ", "Den ", "ten ", "Ter ", "von ", "’t ", "'t ", "la ", "Le ", "du ", "Vanderbilt", "Deel",
        "en", " en ", " & ", " and ", " e.a.", " et al.", " et  al.", "e.a.", "zie", "ook",
        "1994", "2010", "2011", "201", "19945", "2013a", "2013b", "a", "n.d.", "n. d.", "z.d.", "z. d.", "٢٠١٠", "١٩٩٤",
        ", p. 21", ", pp. 3-4", ", blz. 7", ", s. 1", ", hfst. 2", ", ch. 9", ", p. 22–23", ", p.", " p. 5", "p. 21, ", "-", "–",
        "@kegan1994", "@a", "@b_c:d-e.f", "@.", "@-", "[@", "x", "X", "É", "é", "’", "'",
    ]

    @Test func agreesWithTheRegularExpressionsOnRandomText() async {
        let text = Gen<String?>.element(of: Self.tokens).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: text) { text in
            #expect(CitationScanner.scan(text) == RegexCitationScanner.scan(text), "\(text.debugDescription)")
        }
    }

    /// An ASCII text is read as its bytes (``ASCIIScalars``), any other as an array of scalars: long ASCII texts,
    /// which the mixed tokens above seldom make, hold the byte reader to the regular expressions too.
    @Test func agreesWithTheRegularExpressionsOnRandomASCIIText() async {
        let ascii = Self.tokens.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        let text = Gen<String?>.element(of: ascii).array(of: 0...40).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: text) { text in
            #expect(CitationScanner.scan(text) == RegexCitationScanner.scan(text), "\(text.debugDescription)")
        }
    }

    /// Texts shaped like citations, slot by slot, so that each alternative of the grammar is reached:
    /// words, a name with particles, a second author, white space of every kind, years, a locator.
    static func citationShaped(seed: Int) -> String {
        let spaces = [" ", " ", "", "  ", "\n", "\t", "\u{000B}", "\u{000C}", "\u{0085}", "\u{00A0}", "\u{2003}", "\u{2028}", "\u{200B}", "\u{001C}"]
        let names = ["Kegan", "Van Es", "van Kahneman", "De Vries", "de", "Der", "’t Hart", "'t", "la Roche", "Du", "Güell", "ǅemal", "Ørsted",
                     "O’Neil", "Petriglieri-Wood", "K", "zie Kegan", "McKegan", "deKegan", "Vanderbilt", "Le Le", "van de Berg"]
        let joins = ["", "", " en ", " & ", " and ", " e.a.", " et al.", " et\u{00A0}al.", " en", "&", " e.a", " et  al."]
        let years = ["1994", "2010a", "2011", "n.d.", "n. d.", "z.d.", "n.\u{00A0}d.", "201", "19945", "٢٠١٠", "1994A", "2013z"]
        let locators = ["", "", ", p. 21", ", pp. 3-4", ", blz. 7", ", s.1", ", hfst. 2", ", ch. 9", ", p. 22–23", ", p. 21, ", ", p. 5 ", ", p.", ", q. 3"]
        let closers = [")", ")", " )", "", "]", ";", "; Pont, 2013)", "(", ")("]
        let openers = ["(", "(", "[", "", "((", "[@"]
        var random = SeededRandom(seed: UInt64(seed))
        func pick(_ list: [String]) -> String { list[random.int(0...(list.count - 1))] }
        let space = (0..<6).map { _ in pick(spaces) }
        let year = pick(years) + (random.int(0...2) == 0 ? "," + pick(spaces) + pick(years) : "")
        if random.int(0...1) == 0 {
            return pick(["", "Zie ", "x "]) + pick(openers) + space[0] + pick(names) + pick(joins) + space[1] + pick(names) + pick(["", ","])
                + space[2] + year + pick(locators) + space[3] + pick(closers)
        }
        return pick(["", "Zoals ", "x"]) + pick(names) + pick(joins) + space[4] + pick(names) + space[5] + pick(openers) + year
            + pick(locators) + pick(closers) + pick(spaces)
    }

    @Test func agreesWithTheRegularExpressionsOnCitationShapedText() async {
        await propertyCheck(count: 5000, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let text = Self.citationShaped(seed: seed)
            #expect(CitationScanner.scan(text) == RegexCitationScanner.scan(text), "\(text.debugDescription)")
        }
    }

    @Test func agreesOnTheCitationForms() {
        let forms = [
            "Kegan (1994) schrijft", "DeRue en Ashford (2010)", "DeRue & Ashford (2010)", "Sommer e.a. (2010)", "Sommer et al. (2010)",
            "Petriglieri (2010, 2011)", "Ruijters (2015, p. 22-23)", "(Pont, 2013)", "(Sommer e.a., 2010; Kegan, 1994)",
            "[@kegan1994, p. 21]", "[@a; @b]", "Van Es (2008)", "van Kahneman (2011)", "De Vries (n.d.)", "(Pont 2013 )",
            "(zie Kegan, 1994, p. 3)", "Kegan (1994a, 1994b)", "(2010)", "Kegan (19945)", "’t Hart (2001)", "(Pont, 2013; )",
        ]
        for text in forms { #expect(Self.same(text), "\(text)") }
    }

    @Test func agreesOnEveryParagraphOfTheContentAndAGeneratedCorpus() throws {
        var texts: [String] = []
        let content = Fixtures.repository.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "md" { texts.append(try String(contentsOf: file, encoding: .utf8)) }
        let corpus = CorpusGenerator(options: CorpusOptions(articles: 6, concepts: 30, references: 60, miniatures: 10, seed: 7, wordsPerArticle: 1500))
        texts += corpus.files().map(\.text)
        var paragraphs = 0
        for text in texts {
            for paragraph in text.components(separatedBy: "\n\n") {
                paragraphs += 1
                #expect(Self.same(paragraph), "\(paragraph)")
            }
        }
        #expect(paragraphs > 100)
    }
}
