import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The real articles in Content/, built with the real templates.
final class RealContentTests: XCTestCase {
    private static let report: Result<BuildReport, BuildFailure> = {
        let root = Fixtures.repository
        do throws(BuildFailure) {
            return .success(try Build(contentDirectory: root.appendingPathComponent("Content").path,
                                      templatesDirectory: root.appendingPathComponent("Templates").path,
                                      outputDirectory: "").generate())
        } catch {
            return .failure(error)
        }
    }()

    private func built() throws -> BuildReport { try Self.report.get() }

    private func page(_ path: String) throws -> String {
        let file = try XCTUnwrap(try built().files.first { $0.path == path }, "no page \(path)")
        return String(decoding: file.contents, as: UTF8.self)
    }

    /// Every sentence of the two seed texts is somewhere in the site (or, for text a PDF
    /// interleaved with a sidebar, each of its lines is); only page furniture is exempt.
    func testEverySentenceOfTheSeedsIsInTheSite() throws {
        let siteText = SeedText.normalize(try built().files.filter { $0.path.hasSuffix(".html") }
            .map { SeedText.visibleText(String(decoding: $0.contents, as: UTF8.self)) }.joined(separator: " "))
        let ignored = Set(try Fixtures.text("Seeds/ignored-lines.txt").components(separatedBy: "\n")
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { SeedText.normalize($0) })
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.appendingPathComponent("Seeds").path)
            .filter { $0.hasSuffix(".txt") && $0 != "ignored-lines.txt" }.sorted()
        XCTAssertEqual(seeds.count, 2)
        var checked = 0
        for seed in seeds {
            let text = try Fixtures.text("Seeds/\(seed)")
            for sentence in SeedText.sentences(text) {
                let whole = SeedText.normalize(sentence)
                guard !whole.isEmpty, !siteText.contains(whole) else { checked += 1; continue }
                for line in sentence.components(separatedBy: "\n") {
                    let part = SeedText.normalize(line)
                    guard !part.isEmpty, !ignored.contains(part) else { continue }
                    XCTAssertTrue(siteText.contains(part), "\(seed): not in the site: «\(line)» (sentence «\(sentence.prefix(120))»)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }

    func testBuildsTheExpectedPages() throws {
        let report = try built()
        XCTAssertEqual(report.site.content.articles.count, 2)
        XCTAssertGreaterThanOrEqual(report.site.content.miniatures.count, 4)
        XCTAssertGreaterThanOrEqual(report.site.content.concepts.count, 17)
        let home = try page("index.html")
        for article in report.site.content.articles {
            XCTAssertTrue(home.contains("href=\"artikelen/\(article.item.id.slug)/\""))
        }
        let literature = try page("literatuur/index.html")
        XCTAssertTrue(literature.contains("id=\"kegan1994\""))
        for reference in report.site.references.references {
            XCTAssertTrue(literature.contains("id=\"\(reference.key)\""), reference.key)
        }
    }

    /// The literature page says which of its entries give only an author and a year, and how many: counted here
    /// from the list items of the Content themselves, not from the parser.
    func testTheLiteraturePageMarksAndCountsItsIncompleteEntries() throws {
        let report = try built()
        let literature = try page("literatuur/index.html")
        let authorAndYear = try NSRegularExpression(pattern: #"^- [^()*\[]+\((\d{4}[a-z]?|n\.d\.)\)\.?\s*$"#, options: .anchorsMatchLines)
        var bare = 0
        for article in report.site.content.articles {
            let text = article.item.source.text
            bare += authorAndYear.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        let references = report.site.references.references
        XCTAssertGreaterThanOrEqual(bare, 20)
        XCTAssertEqual(references.filter(\.isAuthorAndYearOnly).count, bare)
        XCTAssertTrue(literature.contains("<p class=\"references-incomplete\">\(bare) van de \(references.count) bronnen zijn onvolledig: alleen auteur en jaar bekend.</p>"),
                      literature)
        for reference in references {
            let shown = "<li id=\"\(reference.key)\">\n    <p class=\"reference\">"
            if reference.isAuthorAndYearOnly {
                XCTAssertTrue(literature.contains(shown + HTML.escape(reference.citation) + " <span class=\"reference-note\">— alleen auteur en jaar bekend</span></p>"),
                              reference.key)
            } else {
                XCTAssertTrue(literature.contains(shown + Cmark.renderHTML(inlines: reference.inlines) + "</p>"), reference.key)
            }
        }
        // As the text cites them: two authors with "&", more (or an ellipsis) with "e.a."; no stray full stop.
        for cited in ["Collins &amp; Porras (1991)", "McAuley e.a. (2000)", "Sommer e.a. (2010)", "Bion (1967)"] {
            XCTAssertTrue(literature.contains(cited + " <span class=\"reference-note\">"), cited)
        }
        for stray in ["Bion. (1967)", "Collins, &amp; Porras. (1991)", "McAuley, … (2000)"] { XCTAssertFalse(literature.contains(stray), stray) }
    }

    func testArticlesHaveATableOfContentsAnchorsAndEmbeddedMiniatures() throws {
        let report = try built()
        let first = report.site.content.articles.first { !$0.item.id.slug.isEmpty && report.site.pages[$0.item.id]?.embeddedMiniatures.isEmpty == false }
        let article = try XCTUnwrap(first, "an article embeds the miniatures")
        let html = try page("artikelen/\(article.item.id.slug)/index.html")
        XCTAssertTrue(html.contains("class=\"toc\""))
        XCTAssertTrue(html.contains("<figure id=\"miniatuur-"))
        XCTAssertTrue(html.contains("<p id=\"leiderschap-wordt-hier-beschouwd-als\">"), "paragraph anchors are their opening words")
        XCTAssertTrue(html.contains("<h2 id=\"leiderschap-als-wordingspraktijk\">"), "heading anchors leave out the section number")
        XCTAssertEqual(report.site.pages[article.item.id]?.embeddedMiniatures.count, 4)
    }

    /// Every author-year citation of both articles links to its reference; none is left unresolved.
    func testEveryCitationOfTheSeedArticlesResolves() throws {
        let report = try built()
        XCTAssertEqual(report.diagnostics.filter { [.unresolvedCitation, .ambiguousCitation, .unresolvedWikilink].contains($0.code) }.map(\.description), [])
        let cited = { (slug: String) in Set(report.site.pages[ContentID(.article, slug)]!.citations.map(\.key)) }
        XCTAssertEqual(cited("de-kunst-van-het-leiden"), ["derue2010", "kegan1994", "petriglieri2010", "petriglieri2011a"])
        XCTAssertEqual(cited("nieuw-leiderschap-in-de-professionele-ruimte"), [
            "bergman1911", "bion1967", "birkinshaw2014", "collins1991", "collins2001", "fogel1993", "kahneman2011", "kennepohl2014",
            "laloux2014", "lencioni2002", "liedtka2000", "march2006", "march2014", "mcauley2000", "mintzberg1979", "peters1982",
            "pont2013", "rosenzweig2007", "ruijters2015", "semler2013", "sennett2008", "sinek2014", "sommer2010", "tempelman2015",
            "vanes2008", "weick1995", "whetten1989",
        ])
        let text = try page("artikelen/de-kunst-van-het-leiden/index.html")
        XCTAssertEqual(text.components(separatedBy: "class=\"citation\"").count - 1, 6)
    }

    func testConceptPagesListTheirMentionsInContext() throws {
        let report = try built()
        let places = try XCTUnwrap(report.site.mentions["identity-workspace"])
        XCTAssertGreaterThan(places.count, 3)
        // Each place links to the paragraph of the mention.
        for place in places {
            let target = try page(place.link.path + "index.html")
            XCTAssertTrue(target.contains("<p id=\"\(try XCTUnwrap(place.link.fragment))\">"), "\(place.link)")
        }
        let html = try page("begrippen/identity-workspace/index.html")
        XCTAssertTrue(html.contains("Genoemd in"))
        XCTAssertTrue(html.contains("class=\"mention-context\""))
        XCTAssertTrue(html.contains("../../artikelen/de-kunst-van-het-leiden/#leiderschap-wordt-hier-beschouwd-als"))
    }

    func testEveryInternalLinkResolves() throws {
        XCTAssertEqual(try built().diagnostics.filter { $0.code == .brokenLink }.map(\.description), [])
    }
}

/// Text normalisation for comparing the seeds with the site.
enum SeedText {
    /// Lowercased letters and digits only: punctuation, spaces, hyphens and quotes removed, and
    /// diacritics folded, because a PDF hyphenates "ideeën" as "idee-en" (Dutch drops the trema there).
    static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// The text of an HTML page: tags removed, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return decodeEntities(text)
    }

    static func decodeEntities(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(10).firstIndex(of: ";") else { result += "&"; rest = rest[rest.index(after: amp)...]; continue }
            let name = rest[rest.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            if let value = named[String(name)] {
                result += value
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Sentences: split after `.`, `!` or `?` followed by white space.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isWhitespace, ".!?".contains(previous) {
                sentences.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
