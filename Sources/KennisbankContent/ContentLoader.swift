import Foundation
import KennisbankCore
import KennisbankMarkdown

/// Everything the author wrote, read and parsed: the first two steps of the pipeline.
package struct Content: Sendable {
    /// The settings of site.yml.
    package var site: SiteConfig
    /// The articles, drafts excluded unless drafts are built, in series order.
    package var articles: [Article]
    /// The concepts, by title.
    package var concepts: [Concept]
    /// The miniatures, by title.
    package var miniatures: [Miniature]
    /// The learning routes, drafts excluded unless drafts are built, by title. They are no items: nothing links to them.
    package var routes: [Route] = []
    /// The shared reference lists of Content/bibliography/.
    package var bibliographies: [Bibliography]
    /// The images of Content/images/, by their path below it.
    package var images: [String: ContentImage] = [:]
    /// The warnings found while reading: fields Kennisbank ignores, names in `ignoreWarnings` that are no codes,
    /// articles without authors, looping symbolic links.
    package var diagnostics: [Diagnostic]
    /// What git said of the files it gives no date, when the content folder is in a git repository (``UndatedFiles``):
    /// not warnings, since nothing in the files is wrong; `check` lists them.
    package var undated = UndatedFiles()

    /// Creates content from its parts.
    package init(site: SiteConfig, articles: [Article] = [], concepts: [Concept] = [], miniatures: [Miniature] = [], bibliographies: [Bibliography] = [],
                diagnostics: [Diagnostic] = []) {
        self.site = site
        self.articles = articles
        self.concepts = concepts
        self.miniatures = miniatures
        self.bibliographies = bibliographies
        self.diagnostics = diagnostics
    }

    /// The old URL paths that redirect to an article's or a route's page, by the item they lead to, in order.
    package var redirects: [(item: ContentItem, aliases: [String])] {
        articles.map { ($0.item, $0.redirectsFrom) } + routes.map { ($0.item, $0.redirectsFrom) }
    }

    /// The position of each article, concept and miniature in its own list, by id.
    package var positions: [ContentID: Int] {
        var positions: [ContentID: Int] = [:]
        positions.reserveCapacity(articles.count + concepts.count + miniatures.count)
        for (index, article) in articles.enumerated() { positions[article.item.id] = index }
        for (index, concept) in concepts.enumerated() { positions[concept.item.id] = index }
        for (index, miniature) in miniatures.enumerated() { positions[miniature.item.id] = index }
        return positions
    }

    /// Every article, concept and miniature (routes are not among them: no link or search leads to a route's text).
    package var items: [ContentItem] { articles.map(\.item) + concepts.map(\.item) + miniatures.map(\.item) }
}

/// A shared reference list: a markdown file whose list items are APA references.
package struct Bibliography: Hashable, Sendable {
    /// The file.
    package var source: SourceFile
    /// Its parsed body.
    package var document: MarkdownDocument
}

/// Reads Content/ through a ``FileSystem``: site.yml, then every markdown file of each kind, in parallel.
package struct ContentLoader: Sendable {
    /// The content folder.
    package var directory: String
    /// The disk, or memory in tests.
    package var fileSystem: any FileSystem
    /// Whether drafts (articles and routes with `draft: true`) are read into the site (`build --drafts`, `serve`).
    package var includesDrafts = false
    /// What earlier builds read and parsed (an incremental build), or nothing (``Memo/none``).
    package var memo: Memo = .none
    /// The files that changed since the memo's last build, relative to ``directory`` (`articles/x.md`), when a
    /// watcher knows them: any other file the memo read with a settled stamp is taken from it without a look
    /// at the disk. `nil` looks at every file.
    package var changedFiles: Set<String>?

    /// Creates a loader.
    package init(directory: String, fileSystem: any FileSystem = DiskFileSystem()) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    /// The parsed content files, by path, with the bytes they were parsed from.
    package static let parsedFiles = MemoName<FileBytes, Result<ParsedFile, Diagnostic>>("content.files", keepsNewestInputs: true)
    /// The parsed bibliography files, by path, with the bytes they were parsed from.
    package static let parsedBibliographies = MemoName<FileBytes, Result<Bibliography, Diagnostic>>("content.bibliographies", keepsNewestInputs: true)

    /// The dates of the content folder's files (``GitDates``), by the repository's HEAD: a remembering memo
    /// (`serve`) runs `git log` again only when the history moved, not at every edit.
    package static let gitDates = MemoName<GitDatesInputs, GitDatesRun>("content.gitDates")
    /// Each parsed file with its date set, by path: made again only when the parsed file or its date changed, so an
    /// unchanged file is the same item as last build's.
    package static let datedFiles = MemoName<DatedInputs, ParsedFile>("content.datedFiles")

    /// What the dates of a content folder are read from: the repository and where its HEAD is.
    package struct GitDatesInputs: Equatable, Sendable {
        var repository: GitRepository
        var head: GitRepository.HeadKey
    }

    /// What a dated file is made from: the parsed file's item and its date.
    package struct DatedInputs: Equatable, Sendable {
        var item: ContentItem
        var date: LastModified?
    }

    private func path(_ components: String...) -> String {
        ([directory] + components).joined(separator: "/")
    }

    /// Reads and parses all content, or throws every problem found at once.
    package func load() throws(BuildFailure) -> Content {
        var diagnostics: [Diagnostic] = []
        let site = siteConfig(problems: &diagnostics)
        // git reads the history on a thread of its own while the files are read and parsed.
        let dating = gitDatesRun(enabled: site.gitDates)
        let files = ContentKind.allCases.flatMap { kind in markdownFiles(in: path(kind.folder), problems: &diagnostics).map { (kind, $0) } }
        let results: [Result<ParsedFile, Diagnostic>] = files.parallelMap { kind, file in
            let bytes: Data
            do throws(Diagnostic) { bytes = try read(file) } catch { return .failure(error) }
            let parse = { () -> Result<ParsedFile, Diagnostic> in
                do throws(Diagnostic) { return .success(try self.parse(file, bytes: bytes, as: kind)) } catch { return .failure(error) }
            }
            return memo.value(Self.parsedFiles, key: file, inputs: FileBytes(bytes), make: parse)
        }
        var content = Content(site: site)
        var seen: [String: ContentItem] = [:]
        let dates = dating?.result
        content.undated.failure = dates?.failure
        for ((_, file), result) in zip(files, results) {
            switch result {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let parsed):
                let dating = dates?.dating(of: relative(file))
                var date: LastModified? = nil
                if case .dated(let found) = dating { date = found }
                add(dated(parsed, path: file, date: date), dating: dating, to: &content, seen: &seen, problems: &diagnostics)
            }
        }
        diagnostics += FieldReferences.problems(concepts: content.concepts, miniatures: content.miniatures, articles: content.articles, files: files)
        for result in bibliographies(problems: &diagnostics) {
            switch result {
            case .success(let bibliography): content.bibliographies.append(bibliography)
            case .failure(let error): diagnostics.append(error)
            }
        }
        let (images, imageProblems) = ImageFolder(directory: directory, fileSystem: fileSystem, memo: memo,
                                                  read: { path throws(Diagnostic) in try self.read(path) }).load()
        diagnostics += imageProblems
        diagnostics += FigureFiles.attach(to: &content, images: images, directory: directory)
        content.images = images
        if diagnostics.contains(where: { $0.severity == .error }) {
            // The files that were read still acknowledge their warnings: one broken file does not bring back the rest's.
            let split = IgnoredWarnings.split(diagnostics, files: Self.ignoredWarnings(of: results))
            throw BuildFailure(diagnostics: split.reported, acknowledged: split.acknowledged)
        }
        content.diagnostics = diagnostics
        // In series order, then by title; the keys are read once, not once per comparison.
        let keys = content.articles.map { ($0.series ?? .max, $0.item.title) }
        content.articles = content.articles.indices.sorted { keys[$0] < keys[$1] }.map { content.articles[$0] }
        content.concepts = Self.sortedByTitle(content.concepts, \.item.title)
        content.miniatures = Self.sortedByTitle(content.miniatures, \.item.title)
        content.routes = Self.sortedByTitle(content.routes, \.item.title)
        // In the site's order of concepts, which decides which of two conflicting relations stands.
        content.diagnostics += RelationConflicts.problems(content.concepts)
        return content
    }

    /// What each file that could be read without errors acknowledges with `ignoreWarnings`, by path: drafts and files
    /// whose slug is taken included, as their warnings are among those reported.
    private static func ignoredWarnings(of results: [Result<ParsedFile, Diagnostic>]) -> [String: IgnoredWarnings] {
        let items = results.compactMap { try? $0.get() }.filter { !$0.hasErrors }.map(\.item).filter { $0.ignoredWarnings != .none }
        return Dictionary(items.map { ($0.source.path, $0.ignoredWarnings) }, uniquingKeysWith: { first, _ in first })
    }

    /// site.yml, parsed; the defaults, and an error in `problems`, when it is missing or cannot be read.
    private func siteConfig(problems: inout [Diagnostic]) -> SiteConfig {
        let sitePath = path("site.yml")
        guard fileSystem.exists(atPath: sitePath) else {
            problems.append(missingSiteConfig(at: sitePath))
            return SiteConfig(title: "Kennisbank")
        }
        do {
            return try SiteConfig.parse(try SourceFile.decode(path: sitePath, bytes: [UInt8](try read(sitePath))), warnings: &problems)
        } catch {
            problems.append(error)
            return SiteConfig(title: "Kennisbank")
        }
    }

    /// The error for a site.yml that is not there, naming the reason: the content folder does not exist, it is a
    /// file, or it lacks site.yml.
    private func missingSiteConfig(at sitePath: String) -> Diagnostic {
        let hint = "give the content folder with --content, or run Kennisbank in the folder that holds Content/"
        guard fileSystem.exists(atPath: directory) else {
            return Diagnostic(path: directory, position: nil, code: .io, message: "The content folder '\(directory)' does not exist.", hint: hint)
        }
        // A folder cannot be read as a file: what can be read is a file.
        if (try? fileSystem.contents(atPath: directory)) != nil {
            return Diagnostic(path: directory, position: nil, code: .io,
                              message: "'\(directory)' is a file, not a content folder with site.yml, articles/ and concepts/.", hint: hint)
        }
        return Diagnostic(path: sitePath, position: nil, code: .io,
                          message: "There is no site.yml in the content folder; create one with at least 'title: …'.")
    }

    /// The dates of the content folder's files being read, when it is on disk in a git repository and `enabled`
    /// (site.yml's `gitDates`); `nil` otherwise, and then no git runs at all.
    private func gitDatesRun(enabled: Bool) -> GitDatesRun? {
        guard enabled, fileSystem is DiskFileSystem, let repository = GitRepository.containing(directory) else { return nil }
        return memo.value(Self.gitDates, key: directory, inputs: GitDatesInputs(repository: repository, head: repository.headKey())) {
            GitDatesRun(folder: directory, repository: repository)
        }
    }

    /// `parsed` with its item dated `date`: the same file when its date is already that.
    private func dated(_ parsed: ParsedFile, path: String, date: LastModified?) -> ParsedFile {
        guard parsed.item.lastModified != date else { return parsed }
        return memo.value(Self.datedFiles, key: path, inputs: DatedInputs(item: parsed.item, date: date)) {
            var dated = parsed
            dated.lastModified = date
            return dated
        }
    }

    /// Adds a parsed file to `content` with its warnings, unless its slug is taken (`seen`) or it is a draft left out.
    /// `dating` is what its git repository says of it (`nil` outside git): a file in git without a date is reported.
    private func add(_ parsed: ParsedFile, dating: GitDates.Dating?, to content: inout Content, seen: inout [String: ContentItem],
                     problems: inout [Diagnostic]) {
        problems += parsed.diagnostics
        guard !parsed.hasErrors else { return }
        if content.site.unsafeHTML { problems += parsed.rawHTMLWarnings }
        let item = parsed.item
        if let earlier = seen[item.id.slug] {
            problems.append(Diagnostic(path: item.source.path, position: .start, code: .duplicateSlug,
                                       message: "The slug '\(item.id.slug)' is already used by \(earlier.source.path); rename one of the files."))
            return
        }
        seen[item.id.slug] = item
        switch parsed.page {
        case .article(var article):
            // site.yml may name the series' default author; an article without authors then has that one.
            if article.authors.isEmpty, let author = content.site.seriesAuthor { article.authors = [author] }
            guard !article.draft || includesDrafts else { return }
            if article.authors.isEmpty { problems.append(Content.missingAuthor(article)) }
            if article.date == nil, article.item.lastModified == nil { problems.append(Content.missingDate(article)) }
            content.articles.append(article)
        case .concept(let concept): content.concepts.append(concept)
        case .miniature(let miniature): content.miniatures.append(miniature)
        case .route(let route):
            guard !route.draft || includesDrafts else { return }
            content.routes.append(route)
        }
        if let dating { content.undated.add(item.source.path, dating) }
    }

    /// The shared reference lists of `bibliography/`, each parsed (again only when its bytes changed) or its problem.
    private func bibliographies(problems: inout [Diagnostic]) -> [Result<Bibliography, Diagnostic>] {
        markdownFiles(in: path("bibliography"), problems: &problems).map { file in
            let bytes: Data
            do throws(Diagnostic) { bytes = try read(file) } catch { return .failure(error) }
            return memo.value(Self.parsedBibliographies, key: file, inputs: FileBytes(bytes)) {
                do throws(Diagnostic) {
                    let source = try SourceFile.decode(path: file, bytes: [UInt8](bytes))
                    return .success(Bibliography(source: source, document: Cmark.parse(source.text)))
                } catch { return .failure(error) }
            }
        }
    }

    /// The elements in the order of their titles, lowercased: each title is lowercased once, not once
    /// per comparison.
    private static func sortedByTitle<Element>(_ elements: [Element], _ title: KeyPath<Element, String>) -> [Element] {
        let keys = elements.map { $0[keyPath: title].localizedLowercase }
        return elements.indices.sorted { keys[$0] < keys[$1] }.map { elements[$0] }
    }

    /// The markdown files below a folder, subfolders included, sorted by path; a symbolic link that loops back
    /// is added to `problems` and not followed.
    private func markdownFiles(in folder: String, problems: inout [Diagnostic]) -> [String] {
        let (files, loops) = MarkdownFiles(root: directory, fileSystem: fileSystem).find(in: folder)
        problems += loops
        return files
    }

    /// The bytes of a file: from the memo when its stamp (or the watcher) says it is unchanged since an earlier build.
    private func read(_ path: String) throws(Diagnostic) -> Data {
        let read = { () throws(Diagnostic) -> Data in
            do { return try fileSystem.contents(atPath: path) } catch {
                throw Diagnostic(path: path, position: nil, code: .io, message: Sentence.joined("The file cannot be read", error, path: path))
            }
        }
        let trusted = changedFiles.map { !$0.contains(String(relative(path))) } ?? false
        return try memo.bytes(at: path, stamp: fileSystem.stamp(atPath: path), trusted: trusted, read: read)
    }

    /// A path below ``directory`` as ``changedFiles`` names it.
    private func relative(_ path: String) -> Substring {
        path.dropFirst(directory.count).drop { $0 == "/" }
    }

    /// Paths (as a watcher reports them) relative to the content folder `directory`, in the form ``changedFiles``
    /// takes; paths outside it are left out.
    package static func relativePaths(_ paths: [String], below directory: String) -> Set<String> {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        return Set(paths.compactMap { path in
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            guard full.hasPrefix(root + "/") else { return nil }
            return String(full.dropFirst(root.count + 1))
        })
    }

    /// One content file, parsed, with the warnings about it.
    package struct ParsedFile: Sendable {
        /// What the file is.
        package enum Page: Sendable {
            case article(Article), concept(Concept), miniature(Miniature), route(Route)
        }

        /// What the file is.
        package var page: Page
        /// The file's problems: every error in its fields (the file is then left out, and the site does not build), or
        /// else the warnings about the fields Kennisbank ignores and the names in its `ignoreWarnings` that are no codes.
        package var diagnostics: [Diagnostic]
        /// The dangerous URLs in its raw HTML, emptied where raw HTML is passed through (`unsafeHTML: true`) and
        /// reported only then.
        package var rawHTMLWarnings: [Diagnostic] = []

        /// Whether a field of the file is in error: the page holds stand-ins for the fields that are.
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        var item: ContentItem {
            switch page {
            case .article(let article): return article.item
            case .concept(let concept): return concept.item
            case .miniature(let miniature): return miniature.item
            case .route(let route): return route.item
            }
        }

        /// The item's date from git (``ContentItem/lastModified``).
        var lastModified: LastModified? {
            get { item.lastModified }
            set {
                switch page {
                case .article(var article): article.item.lastModified = newValue; page = .article(article)
                case .concept(var concept): concept.item.lastModified = newValue; page = .concept(concept)
                case .miniature(var miniature): miniature.item.lastModified = newValue; page = .miniature(miniature)
                case .route(var route): route.item.lastModified = newValue; page = .route(route)
                }
            }
        }
    }

    private func parse(_ path: String, bytes: Data, as kind: ContentKind) throws(Diagnostic) -> ParsedFile {
        let source = try SourceFile.decode(path: path, bytes: [UInt8](bytes))
        let slug = String(path.split(separator: "/").last!.dropLast(3))
        guard Slug.isValid(slug) else {
            throw Diagnostic(path: path, position: nil, code: .invalidSlug,
                             message: "The file name '\(slug).md' is not a valid slug: use only a-z, 0-9 and '-'.",
                             hint: "rename it to '\(Slug.make(from: slug)).md'")
        }
        let fields = try FrontMatter(file: source)
        // Every field is read even after a problem, so that the file's problems are all reported at once.
        var read = FieldReader()
        let item = ContentItem(id: ContentID(kind, slug), title: read(fields.requiredString, "title", or: slug),
                               aliases: read(fields.strings, "aliases", or: []), summary: read(fields.string, "summary", or: nil),
                               source: source, document: Figures.group(Cmark.parse(fields.body, lineOffset: fields.bodyLineOffset)),
                               ignoredWarnings: IgnoredWarnings(listed: read(fields.strings, "ignoreWarnings", or: []),
                                                                position: fields.position(of: "ignoreWarnings")))
        let page: ParsedFile.Page
        switch kind {
        case .article:
            page = .article(Article(item: item, subtitle: read(fields.string, "subtitle", or: nil), authors: read(fields.strings, "authors", or: []),
                                    series: read(nil) { () throws(Diagnostic) in try fields.int("series", minimum: 1) },
                                    date: read(fields.date, "date", or: nil), tags: read(fields.strings, "tags", or: []),
                                    redirectsFrom: item.aliases, draft: read(fields.bool, "draft", or: nil) ?? false))
        case .concept:
            var unknownTypes: [String] = []
            var concept = Concept(item: item, related: read(fields.strings, "related", or: []),
                                  relations: read.collecting { fields.relations("relations", unknownTypes: &unknownTypes, problems: &$0) },
                                  group: read(fields.string, "group", or: nil),
                                  linking: read(fields.conceptLinkingRule, "linking", or: .automatic))
            concept.unknownRelationTypes = unknownTypes
            page = .concept(concept)
        case .miniature:
            page = .miniature(Miniature(item: item, article: read(fields.string, "article", or: nil), lenses: read(fields.strings, "lenses", or: [])))
        case .route:
            page = .route(Route(item: item, audience: read(fields.string, "audience", or: nil), redirectsFrom: item.aliases,
                                draft: read(fields.bool, "draft", or: nil) ?? false))
        }
        let warnings = KnownFields.warnings(for: fields, of: kind) + item.ignoredWarnings.unknownCodeWarnings(path: path)
        // A file with errors is left out, like a file that cannot be read: its warnings wait until the errors are mended.
        return ParsedFile(page: page, diagnostics: read.problems.isEmpty ? warnings : read.problems,
                          rawHTMLWarnings: RawHTMLWarnings.warnings(in: item.document, of: source))
    }
}
