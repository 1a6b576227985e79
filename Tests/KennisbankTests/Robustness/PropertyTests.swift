import Foundation
import PropertyBased
import Testing
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// Property-based tests: random text from an alphabet of the tokens the scanners and parsers react to,
/// thrown at front matter parsing, wikilink and citation scanning, and the whole build.
///
/// Each property runs a bounded number of times so that the suite stays fast in a debug build. A failure
/// prints the input and a `.fixedSeed(…)` trait that reproduces it.
@Suite struct PropertyTests {
    /// The tokens random texts are made of: the syntax of wikilinks, embeds, citations, front matter, markdown
    /// and raw HTML, Dutch letters and curly quotes, names and years.
    static let tokens: [String] = [
        "[[", "]]", "![[", "|", "#", "(", ")", "@", ";", ",", "*", "_", ">", "- ", "---", ":", "\"", "ë", "é", "’",
        "\n", "\n", "0", "1", "19", "94", "2010", "Kegan", "e.a.", "et al.", " en ", " & ", "p. 21", " ", " ", " ",
        "a", "b", "x", "Niet-weten", "niet-weten", "[", "]", "](", "<script>", "</script>", "<", "javascript:",
        "<a href=\"javascript:alert(1)\">", "  ", "\t", "title", "aliases", "- ", "{", "}", "'", "&", "`",
    ]

    /// A generator of texts made of tokens.
    typealias TextGenerator = Generator<String, Generator<String?, Shrink.None<String?>>.ArrayShrink>

    /// A random text of `length` tokens.
    static func text(_ length: ClosedRange<Int>) -> TextGenerator {
        Gen<String?>.element(of: tokens).array(of: length).map { $0.compactMap { $0 }.joined() }
    }

    /// Whether `position` names a character of `file`, or the place just after a line's last character.
    static func isInside(_ position: SourcePosition, _ file: SourceFile) -> Bool {
        guard position.line >= 1, position.line <= max(1, file.lines.count) else { return false }
        return position.column >= 1 && position.column <= file.line(position.line).unicodeScalars.count + 1
    }

    // MARK: Front matter

    @Test func frontMatterReturnsOrThrowsADiagnosticInsideTheFile() async {
        await propertyCheck(count: 300, input: Self.text(0...40), Self.text(0...10), Gen.bool) { yaml, body, fenced in
            let text = fenced ? "---\n" + yaml + "\n---\n" + body : yaml + body
            let file = SourceFile(path: "a.md", text: text)
            do throws(Diagnostic) {
                let fields = try FrontMatter(file: file)
                #expect(fields.bodyLineOffset <= file.lines.count)
                for key in fields.keys {
                    #expect(Self.isInside(fields.position(of: key), file), "key \(key)")
                    for read in 0..<5 {
                        do throws(Diagnostic) {
                            switch read {
                            case 0: _ = try fields.string(key)
                            case 1: _ = try fields.strings(key)
                            case 2: _ = try fields.int(key)
                            case 3: _ = try fields.bool(key)
                            default: _ = try fields.date(key)
                            }
                        } catch {
                            #expect(error.path == "a.md")
                            #expect(error.position.map { Self.isInside($0, file) } ?? true, "\(error)")
                        }
                    }
                }
            } catch {
                #expect(error.path == "a.md")
                #expect(error.position.map { Self.isInside($0, file) } ?? true, "\(error.description) in \(text.debugDescription)")
            }
        }
    }

    // MARK: Wikilinks

    @Test func wikilinksAreFoundInOrderWithoutOverlapAndLoseNoText() async {
        await propertyCheck(count: 300, input: Self.text(0...40)) { text in
            // One text node: replacing every link by its own source gives the text back, so the links
            // lie inside the text, in order and without overlap.
            let restored = WikilinkScanner.rewrite([.text(text)]) { [.text("[[" + $0.raw + "]]")] }
            #expect(restored.plainText == text)
            var rest = Substring(text)
            for link in WikilinkScanner.find(in: [.text(text)]) {
                guard let range = rest.range(of: "[[" + link.raw + "]]") else {
                    Issue.record("'[[\(link.raw)]]' is not in the rest of the text: \(rest.debugDescription)")
                    break
                }
                #expect(!link.raw.contains("\n"))
                rest = rest[range.upperBound...]
            }
            // Parsed markdown, where a link may be split over several sibling nodes (emphasis, code,
            // soft breaks): the scanner must not crash, and no link spans a line break.
            for inlines in Cmark.parse(text).blocks.flatMap(Self.allInlines) {
                for link in WikilinkScanner.find(in: inlines) { #expect(!link.raw.contains("\n"), "\(link)") }
            }
        }
    }

    /// The inline sequences of a block and of all blocks inside it.
    static func allInlines(_ block: BlockNode) -> [[InlineNode]] {
        var result: [[InlineNode]] = []
        var stack = [block]
        while let next = stack.popLast() {
            if !next.inlines.isEmpty { result.append(next.inlines) }
            stack.append(contentsOf: next.children)
        }
        return result
    }

    // MARK: Unicode

    /// The fast check that lets most content skip Foundation's normalization must never let a text through
    /// that normalization would change. Scalars are drawn near the edges of the ranges it accepts, from
    /// combining marks, and from anywhere.
    @Test func textThatPassesTheComposedCheckIsUnchangedByNormalization() async {
        let near = [0x41, 0xE9, 0x2FF, 0x300, 0x301, 0x308, 0x327, 0x340, 0x1E9B, 0x2000, 0x2001, 0x200F, 0x2010, 0x2019,
                    0x2026, 0x2028, 0x205E, 0x205F, 0x20AC, 0x212B, 0x2126, 0xAC00, 0x1100, 0x1161, 0xF900]
        let scalars = Gen<Int>.int(in: 0...(near.count * 2)).array(of: 0...12).map { picks in
            picks.map { pick in pick < near.count ? near[pick] : (pick * 7919 + 0x20) % 0x30000 }
        }
        await propertyCheck(count: 500, input: scalars) { values in
            let text = String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
            if SourceFile.isComposed(text) {
                #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(text.unicodeScalars),
                        "\(values.map { String($0, radix: 16) })")
            }
            #expect(Array(SourceFile.normalized(text).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    /// The byte-level stand-ins for Foundation give Foundation's results.
    @Test func textBytesAgreeWithFoundation() async {
        let targets = [" & ", ", &", " en ", " and ", "[[", ", "]
        await propertyCheck(count: 400, input: Self.text(0...30), Gen.int(in: 0...(targets.count - 1))) { raw, pick in
            let text = SourceFile.normalized(raw)
            let target = targets[pick]
            #expect(TextBytes.replacing(target, with: "<>", in: text) == text.replacingOccurrences(of: target, with: "<>"))
            // Surnames fold without Foundation when they are ASCII; with it otherwise.
            let foundationFold = String(text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
            #expect(ReferenceKey.fold(text) == foundationFold)
            for byte in target.utf8 {
                #expect(TextBytes.contains(in: text, where: { $0 == byte }) == text.utf8.contains(byte))
                #expect(TextBytes.contains(in: text.dropFirst(), where: { $0 == byte }) == text.dropFirst().utf8.contains(byte))
            }
            let padded = " \t\u{00A0}" + text + "\u{2003} "
            #expect(TextBytes.trimmingSpaces(padded) == padded.trimmingCharacters(in: .whitespaces))
            for (width, units) in [(UTF16.width, Array(text.utf16).count), ({ (_: Unicode.Scalar) in 1 }, text.unicodeScalars.count)] {
                let offsets = TextBytes.utf8Offsets(of: text, width: width)
                #expect(offsets.map { $0.count - 1 } ?? text.utf8.count == units)
                #expect(offsets?.last ?? text.utf8.count == text.utf8.count)
            }
            // Slicing by the scalar map gives each scalar back.
            let scalars = Array(text.unicodeScalars)
            let offsets = TextBytes.utf8Offsets(of: text) { _ in 1 }
            for index in scalars.indices {
                let range = (offsets?[index] ?? index)..<(offsets?[index + 1] ?? index + 1)
                #expect(Array(TextBytes.slice(text, range).unicodeScalars) == [scalars[index]])
            }
        }
    }

    /// A name's lookup key is the one of its definition (lowercased, curly apostrophes straight, whitespace
    /// folded), whether or not it takes the fast path for names that are already folded.
    @Test func targetKeysAreLowercasedWithWhitespaceFolded() async {
        await propertyCheck(count: 400, input: Self.text(0...12)) { name in
            let expected = name.lowercased().replacingOccurrences(of: "’", with: "'")
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(TargetIndex.key(name) == expected)
            #expect(TargetIndex.key(name + " ") == TargetIndex.key(" " + name))
        }
    }

    /// Replacing pages' parts of a page-ordered index, one after another, gives the index gathered from the
    /// final parts: each key's values in page order, keys without values absent.
    @Test func aPageOrderedIndexPatchedPageByPageEqualsOneGatheredAnew() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 1...30)) { numbers in
            // Numbers make parts: each part a few (key, value) pairs over a small alphabet of keys.
            func part(_ seed: Int) -> [(key: String, value: Int)] {
                (0..<(seed % 4)).map { (key: ["a", "b", "c", "d"][(seed / (7 * ($0 + 1))) % 4], value: seed &+ $0) }
            }
            let pages = 1 + numbers[0] % 6
            var parts = (0..<pages).map { part(numbers[0] &+ $0 * 31) }
            var index = PageOrderedIndex(parts)
            for number in numbers.dropFirst() {
                let position = number % pages
                let new = part(number / 3)
                index.replace(at: position, old: parts[position], new: new)
                parts[position] = new
            }
            #expect(index.values == PageOrderedIndex(parts).values)
        }
    }

    // MARK: Citations

    @Test func citationRangesLieInsideTheTextInOrderWithoutOverlap() async {
        await propertyCheck(count: 300, input: Self.text(0...40)) { text in
            let candidates = CitationScanner.scan(text)
            let count = text.utf8.count
            var end = 0
            for candidate in candidates {
                #expect(candidate.range.lowerBound >= end, "\(candidates) in \(text.debugDescription)")
                #expect(candidate.range.upperBound <= count, "\(candidate) in \(text.debugDescription)")
                #expect(!candidate.range.isEmpty)
                end = max(end, candidate.range.upperBound)
            }
        }
    }

    // MARK: The whole build

    /// The real page templates, read once.
    static let templates: [String: Data] = {
        let folder = Fixtures.repository.appendingPathComponent("Templates")
        var files: [String: Data] = [:]
        for name in PageTemplate.allCases.map(\.rawValue) + ["layout"] {
            files["T/\(name).mustache"] = try? Data(contentsOf: folder.appendingPathComponent("\(name).mustache"))
        }
        return files
    }()

    /// The script elements the templates write, each removed up to its first `</script>`: what remains
    /// of `<script` can only have come from content.
    static func removingTemplateScripts(_ html: String) -> String {
        var html = html
        for open in ["<script type=\"application/ld+json\">", "<script type=\"application/json\" id=\"kb-previews\">", "<script src=\""] {
            while let start = html.range(of: open) {
                guard let close = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { break }
                html.removeSubrange(start.lowerBound..<close.upperBound)
            }
        }
        return html
    }

    @Test func relativeLinksMatchTheSegmentBySegmentDefinition() async {
        let segments = Gen<String?>.element(of: ["a", "b", "ab", "artikelen", "begrippen", "x-y", "é"]).array(of: 0...4)
            .map { $0.compactMap { $0 }.map { $0 + "/" }.joined() }
        await propertyCheck(count: 500, input: segments, segments, Gen.bool) { from, to, withFragment in
            let link = SiteLink(path: to, fragment: withFragment ? "p-3" : nil)
            #expect(link.relative(from: from) == link.relativeBySegments(from: from), "from '\(from)' to '\(to)'")
        }
    }

    @Test func aBuildOfARandomArticleSucceedsOrFailsCleanlyAndWritesNoScript() async {
        var pagesChecked = 0
        await propertyCheck(count: 100, input: Self.text(0...60)) { body in
            var fileSystem = InMemoryFileSystem([
                "C/site.yml": "title: Proef\n",
                "C/articles/p.md": "---\ntitle: Willekeurig\n---\n" + body + "\n\n## Literatuur\n\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n",
                "C/articles/b.md": "---\ntitle: B\n---\nTekst.\n",
                "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: \"<script>alert(1)</script>\"\n---\n",
                "C/miniatures/x.md": "---\ntitle: X\n---\nEen scène.\n",
            ])
            for (path, data) in Self.templates { fileSystem.files[path] = data }
            let report: BuildReport
            do {
                report = try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem).generate()
            } catch is BuildFailure {
                return
            } catch {
                Issue.record("The build threw \(error), not a BuildFailure, for \(body.debugDescription)")
                return
            }
            guard let file = report.files.first(where: { $0.path == "artikelen/p/index.html" }) else {
                Issue.record("No article page for \(body.debugDescription)")
                return
            }
            let page = String(decoding: file.contents, as: UTF8.self)
            #expect(!Self.removingTemplateScripts(page).lowercased().contains("<script"), "\(body.debugDescription)")
            #expect(!page.lowercased().contains("href=\"javascript:"), "\(body.debugDescription)")
            pagesChecked += 1
        }
        // Most random bodies must build, or the page property above would hardly be tested.
        #expect(pagesChecked >= 50)
    }
}
