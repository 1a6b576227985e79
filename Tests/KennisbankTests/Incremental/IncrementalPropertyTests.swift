import Foundation
import Testing
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankCorpus
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// Random sequences of edits to a small generated corpus: after each edit, an incremental build must
/// write exactly what a clean build of the same content produces, or fail with the same diagnostics.
@Suite struct IncrementalPropertyTests {
    /// A content folder in memory that a test can change between builds.
    final class EditableFileSystem: FileSystem, @unchecked Sendable {
        private let lock = NSLock()
        private var files: InMemoryFileSystem

        init(_ files: InMemoryFileSystem) { self.files = files }

        func contentsOfDirectory(atPath path: String) -> [String] { locked { $0.contentsOfDirectory(atPath: path) } }
        func contents(atPath path: String) throws -> Data { try locked { try $0.contents(atPath: path) } }
        func exists(atPath path: String) -> Bool { locked { $0.exists(atPath: path) } }

        var paths: [String] { locked { $0.files.keys.filter { $0.hasPrefix("C/") && $0.hasSuffix(".md") }.sorted() } }
        func text(_ path: String) -> String { locked { String(decoding: $0.files[path] ?? Data(), as: UTF8.self) } }
        func set(_ path: String, _ text: String?) { lock.lock(); files.files[path] = text.map { Data($0.utf8) }; lock.unlock() }

        private func locked<T>(_ body: (InMemoryFileSystem) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(files)
        }
    }

    /// One edit, decoded from a random number: which file (an index into the sorted paths), what to do,
    /// and which token to add.
    struct Edit: Sendable, CustomStringConvertible {
        var file: Int
        var action: Int
        var token: Int

        init(_ number: Int) {
            (file, action, token) = (number % 97, number / 97 % 10, number / 970)
        }

        var description: String { "Edit(file: \(file), action: \(action), token: \(token))" }
    }

    static let corpus = CorpusGenerator(options: CorpusOptions(articles: 3, concepts: 6, references: 8, miniatures: 3, seed: 11, wordsPerArticle: 300))

    /// Text the edits add: concept names, wikilinks, embeds, citations, headings, list items, plain words.
    static let tokens: [String] = {
        let files = corpus.files()
        let titles = files.compactMap { file -> String? in
            guard let line = file.text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { return nil }
            return line.dropFirst(7).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        let slugs = files.map { String($0.path.split(separator: "/").last!.dropLast(3)) }
        return titles + slugs.map { "[[\($0)]]" } + slugs.map { "\n\n![[\($0)]]\n\n" }
            + ["(Kegan, 1994)", "\n\n## Een nieuwe kop\n\n", "\n\n- Zuiderveld, A. (2024). *Boek*. Uitgeverij.\n", " niet-weten ",
               "\n\nEen nieuwe alinea.\n", " en ", "[[bestaat-niet]]", "\n\n## Literatuur\n\n"]
    }()

    /// Applies an edit: mostly adds a token at the end or after the front matter; sometimes renames,
    /// removes or adds a file.
    static func apply(_ edit: Edit, to files: EditableFileSystem) {
        let paths = files.paths
        guard !paths.isEmpty else { return }
        let path = paths[edit.file % paths.count]
        let token = tokens[edit.token % tokens.count]
        var text = files.text(path)
        switch edit.action {
        case 0...4:
            text += token
        case 5, 6:
            if let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) {
                text.insert(contentsOf: token + "\n\n", at: end.upperBound)
            }
        case 7 where edit.token % 2 == 1 && !path.contains("/miniatures/"):
            // A field of the article's or concept's own front matter, outside its item: its page as linked is unchanged.
            let field = path.contains("/articles/") ? "subtitle: \"Een ondertitel\"\n" : "group: \"Een groep\"\n"
            text = text.replacingOccurrences(of: "---\ntitle: ", with: "---\n" + field + "title: ")
        case 7:
            text = text.replacingOccurrences(of: "title: ", with: "title: \(token.filter(\.isLetter).prefix(12)) ")
        case 8:
            // Remove the file, or put back the original of a file that was edited (which often mends an error).
            let original = corpus.files().first { "C/" + $0.path == path }?.text
            files.set(path, original == nil || original == text ? nil : original)
            return
        default:
            files.set("C/miniatures/nieuw-\(edit.token % 3).md", "---\ntitle: \"Nieuw \(edit.token % 3)\"\n---\nEen scène met \(token).\n")
            return
        }
        files.set(path, text)
    }

    /// How many random edit sequences a run tries: `KENNISBANK_PROPERTY_CASES`, at least 100 by default.
    static let cases = ProcessInfo.processInfo.environment["KENNISBANK_PROPERTY_CASES"].flatMap(Int.init) ?? 100

    /// The seed of this run's sequences: `KENNISBANK_PROPERTY_SEED` to repeat a run, else a new one, printed.
    static let seed = ProcessInfo.processInfo.environment["KENNISBANK_PROPERTY_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)

    @Test func incrementalBuildsEqualCleanBuildsAfterRandomEdits() async throws {
        print("incremental property: seed \(Self.seed), \(Self.cases) sequences (repeat with KENNISBANK_PROPERTY_SEED=\(Self.seed))")
        var compared = 0, steps = 0
        // The corpus and the templates, read once; each sequence starts from a copy.
        var start = InMemoryFileSystem(Dictionary(uniqueKeysWithValues: Self.corpus.files().map { ("C/" + $0.path, $0.text) }))
        let templates = Fixtures.repository.appendingPathComponent("Templates")
        for case let url as URL in FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)! where !url.hasDirectoryPath {
            start.files["T/" + String(url.path.dropFirst(templates.path.count + 1))] = try? Data(contentsOf: url)
        }
        for sequence in 0..<Self.cases {
            var random = SeededRandom(seed: Self.seed, stream: UInt64(sequence))
            let edits = (0..<random.int(1...5)).map { _ in Edit(random.int(0...1_000_000)) }
            let failure = "seed \(Self.seed), sequence \(sequence)"
            let files = EditableFileSystem(start)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("kb-incremental-property-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let build = Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: output.path, fileSystem: files)
            let incremental = IncrementalBuild(build: build)
            _ = try? incremental.run()
            for (step, edit) in edits.enumerated() {
                steps += 1
                Self.apply(edit, to: files)
                let clean: Result<BuildReport, BuildFailure> = Result { () throws(BuildFailure) in try build.generate() }
                let run: Result<BuildReport, BuildFailure> = Result { () throws(BuildFailure) in try incremental.run() }
                switch (clean, run) {
                case (.failure(let expected), .failure(let found)):
                    #expect(found.diagnostics == expected.diagnostics, "\(failure), step \(step): \(edit)")
                case (.success(let report), .success(let found)):
                    #expect(found.diagnostics == report.diagnostics, "\(failure), step \(step): \(edit): the same warnings")
                    let written = Self.files(in: output)
                    var expected = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.contents) })
                    // The manifest lists the site's files as a clean build's writer does, and no journal is left.
                    expected[SiteManifest.manifestName] = SiteManifest.manifest(report.files.map(\.path).sorted())
                    #expect(Set(written.keys) == Set(expected.keys), "\(failure), step \(step): \(edit): the same files")
                    let different = expected.keys.filter { written[$0] != nil && written[$0] != expected[$0] }.sorted()
                    #expect(different == [], "\(failure), step \(step): \(edit): the same bytes")
                    compared += 1
                default:
                    Issue.record("\(failure), step \(step): \(edit): the clean build \(clean) but the incremental build \(run)")
                }
            }
        }
        // Many edits leave a site that builds, or the comparison above would hardly run. (An edit can break the
        // build, for example by embedding a removed miniature; later steps compare the diagnostics until one mends it.)
        print("incremental property: \(compared) of \(steps) steps built and were compared")
        #expect(compared * 4 >= steps, "only \(compared) of \(steps) steps built")
    }

    /// The parts that changed between two sites, as ``SiteDifference/changedParts(read:)`` finds them from the
    /// tables, are those that a comparison of every part of either site finds (``SiteDifference/changed(_:)``).
    @Test func theChangedPartsFoundFromTheTablesAreThoseOfAComparisonOfEveryPart() throws {
        let start = InMemoryFileSystem(Dictionary(uniqueKeysWithValues: Self.corpus.files().map { ("C/" + $0.path, $0.text) }))
        var changedSome = 0
        for sequence in 0..<max(30, Self.cases / 4) {
            var random = SeededRandom(seed: Self.seed, stream: UInt64(sequence) + 1_000_000)
            let files = EditableFileSystem(start)
            let build = Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "/nonexistent", fileSystem: files)
            guard var before = try? build.generate().site else { continue }
            for _ in 0..<random.int(1...4) {
                let edit = Edit(random.int(0...1_000_000))
                Self.apply(edit, to: files)
                guard let after = try? build.generate().site else { continue }
                let difference = SiteDifference(from: .init(SiteReader.Tables(before)), to: .init(SiteReader.Tables(after)))
                let found = difference.changedParts { _ in true }
                let expected = Self.everyPart(of: before).union(Self.everyPart(of: after)).filter(difference.changed)
                #expect(found.count == Set(found).count, "seed \(Self.seed), sequence \(sequence), \(edit): each part once")
                #expect(Set(found) == expected, "seed \(Self.seed), sequence \(sequence), \(edit)")
                #expect(difference.changedItems == Self.itemsThatDiffer(before, after), "seed \(Self.seed), sequence \(sequence), \(edit): the items")
                if !expected.isEmpty { changedSome += 1 }
                before = after
            }
        }
        #expect(changedSome > 10, "the edits changed parts only \(changedSome) times")
    }

    /// The items of either site whose linked page, article, concept or miniature differs in the other, each looked up by id.
    static func itemsThatDiffer(_ old: LinkedSite, _ new: LinkedSite) -> Set<ContentID> {
        let sites = [old, new]
        var ids = Set(old.pages.keys).union(new.pages.keys)
        ids.formUnion(sites.flatMap { $0.content.articles.map(\.item.id) + $0.content.concepts.map(\.item.id) + $0.content.miniatures.map(\.item.id) })
        return ids.filter { id in
            old.pages[id] != new.pages[id]
                || old.content.articles.first { $0.item.id == id } != new.content.articles.first { $0.item.id == id }
                || old.content.concepts.first { $0.item.id == id } != new.content.concepts.first { $0.item.id == id }
                || old.content.miniatures.first { $0.item.id == id } != new.content.miniatures.first { $0.item.id == id }
        }
    }

    /// Every part a page of `site` could read.
    static func everyPart(of site: LinkedSite) -> Set<SitePart> {
        var parts: Set<SitePart> = [.settings, .articleOrder, .conceptOrder, .miniatureOrder, .miniatureSequence, .referenceOrder,
                                    .conceptMap, .feed, .routes, .hasRoutes]
        for id in site.pages.keys { parts.formUnion([.item(id), .signature(id), .embeds(id), .backlinks(id), .routesThrough(id)]) }
        for concept in site.content.concepts { parts.formUnion([.mentions(concept.item.id.slug), .related(concept.item.id.slug), .lensMiniatures(concept.item.id.slug)]) }
        for article in site.content.articles { parts.insert(.listing(article.item.id.slug)) }
        for miniature in site.content.miniatures { parts.formUnion(miniature.lenses.map(SitePart.lensMiniatures)) }
        parts.formUnion(site.mentions.keys.map(SitePart.mentions))
        parts.formUnion(site.citedIn.keys.map(SitePart.citedIn))
        parts.formUnion(site.backlinks.keys.map(SitePart.backlinks))
        parts.formUnion(site.related.keys.map(SitePart.related))
        parts.formUnion(site.relations.keys.map(SitePart.related))
        parts.formUnion(site.references.listings.keys.map(SitePart.listing))
        parts.formUnion(site.references.references.map { SitePart.references($0.key) })
        parts.formUnion(site.routes.flatMap(\.steps).map { SitePart.routesThrough($0.target) })
        return parts
    }

    /// Every file below a folder, by relative path.
    static func files(in folder: URL) -> [String: Data] {
        let base = folder.standardizedFileURL.path
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: base) ?? FileManager.default.enumerator(atPath: "/")! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: base + "/" + path)
            }
        }
        return result
    }
}
