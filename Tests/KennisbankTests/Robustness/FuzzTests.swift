import Foundation
import PropertyBased
import Testing
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankRendering

/// The fuzz pass that CI runs with the other tests: random front matter, site.yml settings, aliases, wikilinks,
/// citations and route steps, each built as a whole site. Every input must end in diagnostics or a site, never a
/// crash or a hang (each test has a time limit), and no file may be written outside the output folder.
///
/// A failure prints the input and a `.fixedSeed(…)` trait that repeats it.
@Suite(.timeLimit(.minutes(10))) struct FuzzTests {
    // MARK: Values

    /// YAML values of every shape a field can be given: strings, quoted and not, numbers, booleans, dates, null,
    /// lists, maps, and text that YAML or Kennisbank reads in its own way.
    static let values: [String] = [
        "Titel", "\"Titel\"", "''", "\"\"", "7", "-3", "0", "3.5", "true", "no", "null", "~", "2024-05-01", "2024-13-45",
        "[]", "[a, b]", "[7]", "[[nested]]", "{}", "{a: 1}", "\"[[niet-weten]]\"", "niet-weten", "bestaat-niet",
        "\"<script>alert(1)</script>\"", "\"javascript:alert(1)\"", "'😀'", "\"a: b\"", "\"#\"", "|\n  blok\n  tekst",
        ">\n  gevouwen", "[niet-weten, bestaat-niet]", "[niet-weten]", "p", "Een zin.", "\"Een zin: met dubbele punt\"", "\n  - een\n  - twee", "\n  - 5\n  - [x]", "\n  sleutel: waarde",
        "&anker waarde", "*anker", "!!binary aGFsbG8=", "\"\\u0000\"", "\"\\t\"", String(repeating: "x", count: 300),
    ]

    /// Paths an alias may be given, good and bad: dot segments, encoded dots, queries, fragments, hidden folders,
    /// a NUL, backslashes, long segments, and what the site itself uses.
    static let aliasSegments: [String] = [
        "oud", "artikelen", "begrippen", "..", ".", "%2e%2e", "%2E", "?x=1", "#x", ".git", ".kennisbank-manifest", "\u{0}",
        "a\\b", "", " ", "index.html", "é", "assets", "search", String(repeating: "s", count: 300), "Site", "~", "*",
        // Good segments, as many as the bad ones above, so that many aliases work.
        "oud", "oude-naam", "pad", "a", "b-c", "2019", "artikel", "x.html", "nieuws", "archief", "reeks", "deel-1", "begrip",
        "leiderschap", "coach", "tekst", "naam", "kennis", "bank", "stuk", "map", "nl", "en",
    ]

    /// Text of a body: wikilinks, embeds, citations, headings, lists and the names around them.
    static let bodyTokens: [String] = [
        "[[", "]]", "![[", "|", "#", "(", ")", ";", ",", " ", " ", "\n", "\n\n", "niet-weten", "Niet-weten", "x",
        "Kegan", "1994", "2010a", "e.a.", "et al.", " & ", "p. 21", "- ", "1. ", "## ", "> ", "—", "(10 min)",
        "{#anker}", "[[x#y]]", "[[niet-weten|het niet-weten]]", "![[scene]]", "[[p#Kop]]", "](", "<a href=\"x\">",
        "[[niet-weten]]", "[[p]]", "[[scene]]", "[[p#kop]]", "(Kegan, 1994)", "Kegan (1994)", "tekst", "tekst", "tekst",
    ]

    /// A generated text; random numbers pick its parts, so a failure shrinks to fewer, earlier parts.
    typealias Text = Generator<String, AnySequence<Any>>

    /// Up to `count` items of `list`, joined by `separator`.
    static func some(_ list: [String], _ count: ClosedRange<Int>, separator: String = "") -> Generator<String, AnySequence<Any>> {
        Gen.int(in: 0...1_000_000).array(of: count).map { $0.map { list[$0 % list.count] }.joined(separator: separator) }.eraseToAny()
    }

    /// One item of `list`.
    static func one(_ list: [String]) -> Text { some(list, 1...1) }

    /// A YAML block of `count` of `keys`, each with a random value.
    static func frontMatter(keys: [String], count: ClosedRange<Int> = 0...6) -> Text {
        Gen.int(in: 0...1_000_000).array(of: count).map { numbers in
            numbers.map { "\(keys[$0 % keys.count]): \(values[$0 / keys.count % values.count])" }.joined(separator: "\n")
        }.eraseToAny()
    }

    static func body() -> Text { some(bodyTokens, 0...40) }

    /// Up to three aliases as a YAML list, each quoted with its backslashes and NULs escaped.
    static func aliases() -> Text {
        Gen.int(in: 0...1_000_000).array(of: 1...3).map { numbers in
            numbers.map { number -> String in
                var segments: [String] = []
                var rest = number
                for _ in 0..<(rest % 5) { rest /= 5; segments.append(aliasSegments[rest % aliasSegments.count]) }
                let alias = "/" + segments.joined(separator: "/") + "/"
                return "  - \"" + alias.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{0}", with: "\\0") + "\""
            }.joined(separator: "\n")
        }.eraseToAny()
    }

    // MARK: The site

    /// A small valid site, which each case changes in one or more files.
    static let base: [String: String] = [
        "C/site.yml": "title: Proef\nbaseURL: https://example.org/kb/\n",
        "C/articles/p.md": "---\ntitle: P\n---\n## Kop\n\nTekst over niet-weten (Kegan, 1994).\n\n## Literatuur\n\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n",
        "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Weten dat je het niet weet.\n---\nEen begrip.\n",
        "C/miniatures/scene.md": "---\ntitle: Scène\n---\nEen scène.\n",
        "C/leerroutes/r.md": "---\ntitle: R\n---\nEen route.\n\n1. [[niet-weten]] — Lees de definitie. (5 min)\n",
    ]

    /// The site with `changes` applied, and the real templates.
    static func site(_ changes: [String: String]) -> InMemoryFileSystem {
        var files = InMemoryFileSystem(base.merging(changes) { $1 })
        for (path, data) in PropertyTests.templates { files.files[path] = data }
        return files
    }

    /// Builds in memory: diagnostics or a site whose every path is a plain relative path inside the output folder.
    /// Whether it made a site.
    @discardableResult
    static func buildsCleanly(_ changes: [String: String]) -> Bool {
        let report: BuildReport
        do {
            report = try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: site(changes)).generate()
        } catch {
            // `generate()` throws only a BuildFailure (typed throws): a crash would end the test run instead.
            #expect(!error.diagnostics.isEmpty, "a failed build names its problems, for \(changes)")
            return false
        }
        for file in report.files {
            #expect(isInside(file.path), "'\(file.path)' is not a path inside the output folder, for \(changes)")
        }
        return true
    }

    /// Counts the cases that made a site, so that a generator that only ever makes broken input shows: every
    /// property must see some sites built, or it would test only the error path.
    final class Tally: @unchecked Sendable {
        private(set) var built = 0, cases = 0
        func add(_ made: Bool) { cases += 1; built += made ? 1 : 0 }
        func expectSomeBuilt(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
            print("fuzz \(name): \(built) of \(cases) inputs built a site, the others ended in diagnostics")
            #expect(built * 10 >= cases, "only \(built) of \(cases) inputs built", sourceLocation: sourceLocation)
        }
    }

    /// Whether `path` stays inside the folder it is written to: relative, no empty, dot or dot-dot segment, no
    /// NUL, no backslash, no segment longer than a file name may be.
    static func isInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\u{0}"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && segment.utf8.count <= 255
        }
    }

    // MARK: Properties

    @Test func randomArticleFrontMatterEndsInDiagnosticsOrASite() async {
        let tally = Tally()
        let keys = KnownFields.of(.article).filter { $0 != "title" } + ["titel", "related", "lenses", "article"]
        await propertyCheck(count: 150, input: Self.frontMatter(keys: keys), Self.body()) { yaml, body in
            tally.add(Self.buildsCleanly(["C/articles/f.md": "---\ntitle: F\n\(yaml)\n---\n\(body)\n"]))
        }
        tally.expectSomeBuilt("randomArticleFrontMatterEndsInDiagnosticsOrASite")
    }

    @Test(arguments: [ContentKind.concept, .miniature])
    func randomConceptAndMiniatureFrontMatterEndsInDiagnosticsOrASite(kind: ContentKind) async {
        let tally = Tally()
        let keys = KnownFields.of(kind).filter { $0 != "title" }
        await propertyCheck(count: 150, input: Self.frontMatter(keys: keys)) { yaml in
            tally.add(Self.buildsCleanly(["C/\(kind.folder)/fuzz.md": "---\ntitle: Fuzz\n\(yaml)\n---\nTekst.\n"]))
        }
        tally.expectSomeBuilt("random \(kind.rawValue) front matter")
    }

    @Test func randomSiteSettingsEndInDiagnosticsOrASite() async {
        let tally = Tally()
        // baseURL has an input of its own (half of its values good), so the random settings leave it out.
        let keys = KnownFields.site.filter { $0 != "baseURL" } + ["baseUrl"]
        await propertyCheck(count: 150, input: Self.frontMatter(keys: keys, count: 0...2), Self.one([
            "https://example.org/", "http://x", "javascript:alert(1)//", "not a url <script>", "https://", "//host/",
            "https://example.org/kb?x=1", "ftp://example.org/", "https://exa mple.org/", "\"https://example.org/#x\"",
            "https://example.org/kb/", "http://localhost:8080/", "https://kennisbank.example.nl", "'https://x.nl/a/b/'",
            "https://example.org/%C3%A9/", "\"http://[::1]:9/\"", "https://xn--n-ega.nl/", "https://a.b/c d",
        ])) { yaml, baseURL in
            tally.add(Self.buildsCleanly(["C/site.yml": "title: Proef\nbaseURL: \(baseURL)\n\(yaml)\n"]))
        }
        tally.expectSomeBuilt("randomSiteSettingsEndInDiagnosticsOrASite")
    }

    @Test func randomAliasesEndInDiagnosticsOrASite() async {
        let tally = Tally()
        await propertyCheck(count: 200, input: Self.aliases()) { list in
            tally.add(Self.buildsCleanly(["C/articles/a.md": "---\ntitle: A\naliases:\n\(list)\n---\nTekst.\n"]))
        }
        tally.expectSomeBuilt("randomAliasesEndInDiagnosticsOrASite")
    }

    @Test func randomWikilinksAndCitationsEndInDiagnosticsOrASite() async {
        let tally = Tally()
        await propertyCheck(count: 150, input: Self.body(), Self.body()) { article, miniature in
            tally.add(Self.buildsCleanly(["C/articles/w.md": "---\ntitle: W\n---\n\(article)\n\n## Literatuur\n\n- Kegan, R. (1994). *Titel*. Uitgever.\n",
                                "C/miniatures/wm.md": "---\ntitle: WM\n---\n\(miniature)\n"]))
        }
        tally.expectSomeBuilt("randomWikilinksAndCitationsEndInDiagnosticsOrASite")
    }

    @Test func randomRouteStepsEndInDiagnosticsOrASite() async {
        let tally = Tally()
        // Steps: numbered or bulleted lines of wikilinks, dashes, tasks and durations.
        let steps = Self.some(["\n1. ", "\n2. ", "\n- "] + Self.bodyTokens, 0...60)
        await propertyCheck(count: 150, input: steps, Self.frontMatter(keys: KnownFields.of(.route).filter { $0 != "title" })) { steps, yaml in
            tally.add(Self.buildsCleanly(["C/leerroutes/z.md": "---\ntitle: Z\n\(yaml)\n---\nInleiding.\n\(steps)\n"]))
        }
        tally.expectSomeBuilt("randomRouteStepsEndInDiagnosticsOrASite")
    }

    /// Written to disk through the real writer: the folder that holds the output folder has nothing else in it
    /// afterwards, whatever the aliases say.
    @Test func randomAliasesWriteNothingOutsideTheOutputFolder() async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kb-fuzz-\(UUID().uuidString)")
        let inside = parent.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        await propertyCheck(count: 40, input: Self.aliases()) { list in
            let content = Self.site(["C/articles/a.md": "---\ntitle: A\naliases:\n\(list)\n---\nTekst.\n"])
            let output = inside.appendingPathComponent("Site")
            _ = try? Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: output.path, fileSystem: content).run()
            let around = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            #expect(around == ["in"], "beside the output's folder: \(around), for \(list)")
            let beside = ((try? FileManager.default.contentsOfDirectory(atPath: inside.path)) ?? []).filter { $0 != "Site" }
            #expect(beside.isEmpty, "beside the output folder: \(beside), for \(list)")
        }
    }
}
