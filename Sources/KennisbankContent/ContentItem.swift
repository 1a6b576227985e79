import KennisbankCore
import KennisbankMarkdown
/// The kinds of page an author writes.
package enum ContentKind: String, Hashable, Sendable, CaseIterable, Comparable {
    case article
    case concept
    case miniature
    /// A learning route ("leerroute") through the other kinds: not a target of links itself.
    case route

    /// The folder under Content/ that holds this kind.
    package var folder: String {
        switch self {
        case .article: return "articles"
        case .concept: return "concepts"
        case .miniature: return "miniatures"
        case .route: return "leerroutes"
        }
    }

    /// The folder under the site root where pages of this kind are written (stable URLs), without its
    /// final `/`: `begrippen`. From ``PageKind/folder(of:)``.
    package var sitePath: String { String(PageKind.folder(of: self).dropLast()) }

    /// The Dutch name for one item of this kind, for messages and pages.
    package var dutchName: String {
        switch self {
        case .article: return "artikel"
        case .concept: return "begrip"
        case .miniature: return "miniatuur"
        case .route: return "leerroute"
        }
    }

    package static func < (lhs: ContentKind, rhs: ContentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Names one content item: its kind and slug.
package struct ContentID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The kind of item.
    package var kind: ContentKind
    /// The slug: the file name without `.md`.
    package var slug: String

    /// Creates an identifier.
    package init(_ kind: ContentKind, _ slug: String) {
        self.kind = kind
        self.slug = slug
    }

    /// The page of this item, from the site root: `begrippen/niet-weten/`.
    package var link: SiteLink { SiteLink(path: PageKind.folder(of: kind) + slug + "/") }

    package static func < (lhs: ContentID, rhs: ContentID) -> Bool { (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug) }

    package var description: String { "\(kind.rawValue) '\(slug)'" }
}

/// What every article, concept and miniature has: a name, a source file and a markdown body.
///
/// Its fields live in one shared object (``CopyOnWrite``): items are copied into pages, memo inputs and
/// page models at every step of the build.
package struct ContentItem: Hashable, Sendable {
    private struct Fields: Hashable, Sendable {
        var id: ContentID
        var title: String
        var aliases: [String]
        var summary: String?
        var source: SourceFile
        var document: MarkdownDocument
        var ignoredWarnings: IgnoredWarnings
        var lastModified: LastModified?
        var hasInlineImages: Bool
        var hasFigures: Bool
    }

    private var storage: CopyOnWrite<Fields>

    /// Kind and slug.
    package var id: ContentID {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
    /// The title from front matter.
    package var title: String {
        get { storage.fields.title }
        set { storage.fields.title = newValue }
    }
    /// Other names from front matter `aliases` (for articles: old URL paths).
    package var aliases: [String] {
        get { storage.fields.aliases }
        set { storage.fields.aliases = newValue }
    }
    /// The one-sentence summary, or `nil`.
    package var summary: String? {
        get { storage.fields.summary }
        set { storage.fields.summary = newValue }
    }
    /// The file it was read from.
    package var source: SourceFile {
        get { storage.fields.source }
        set { storage.fields.source = newValue }
    }
    /// The parsed body.
    package var document: MarkdownDocument {
        get { storage.fields.document }
        set { storage.fields.document = newValue }
    }
    /// The warnings the file acknowledges with front matter `ignoreWarnings`.
    package var ignoredWarnings: IgnoredWarnings {
        get { storage.fields.ignoredWarnings }
        set { storage.fields.ignoredWarnings = newValue }
    }

    /// When the file was last committed, from its git repository (``GitDates``); `nil` outside git, for a file
    /// not committed, in a shallow clone's oldest commit, or with `gitDates: false`.
    package var lastModified: LastModified? {
        get { storage.fields.lastModified }
        set { storage.fields.lastModified = newValue }
    }

    /// Creates a content item.
    package init(id: ContentID, title: String, aliases: [String] = [], summary: String? = nil, source: SourceFile, document: MarkdownDocument,
                ignoredWarnings: IgnoredWarnings = .none) {
        storage = CopyOnWrite(Fields(id: id, title: title, aliases: aliases, summary: summary, source: source, document: document,
                                     ignoredWarnings: ignoredWarnings, lastModified: nil,
                                     hasInlineImages: FigureFiles.mayHoldImage(source.text) && document.blocks.contains(where: FigureFiles.holdsImage),
                                     hasFigures: document.blocks.contains(where: \.isFigure)))
    }

    /// Whether the body, as parsed, has an image inside running text (not a figure), whose file the build looks up
    /// (``FigureFiles``): found once, when the file is read, so a rebuild does not look through every file again.
    package var hasInlineImages: Bool { storage.fields.hasInlineImages }

    /// Whether the body, as parsed, has a figure (an image alone in its paragraph), found when the file is read.
    package var hasFigures: Bool { storage.fields.hasFigures }
}

/// An article of the series.
package struct Article: Hashable, Sendable {
    /// Name, source and body.
    package var item: ContentItem
    /// The subtitle, or `nil`.
    package var subtitle: String?
    /// The authors, in order: the front matter's `authors`, or site.yml's `seriesAuthor` when the front matter names none.
    package var authors: [String]
    /// The position in the series.
    package var series: Int?
    /// The publication date as written (YYYY-MM-DD).
    package var date: String?
    /// Tags.
    package var tags: [String]
    /// Old URL paths that must redirect to this article.
    package var redirectsFrom: [String]
    /// Whether the article is a draft (left out of the site).
    package var draft: Bool

    /// Creates an article.
    package init(item: ContentItem, subtitle: String? = nil, authors: [String] = [], series: Int? = nil, date: String? = nil,
                tags: [String] = [], redirectsFrom: [String] = [], draft: Bool = false) {
        self.item = item
        self.subtitle = subtitle
        self.authors = authors
        self.series = series
        self.date = date
        self.tags = tags
        self.redirectsFrom = redirectsFrom
        self.draft = draft
    }

    /// The authors as a line, "A, B": what the pages and the e-book show; `nil` without authors.
    package var authorLine: String? { authors.isEmpty ? nil : authors.joined(separator: ", ") }
}

/// A concept ("begrip").
package struct Concept: Hashable, Sendable {
    /// Name, aliases, summary, source and body.
    package var item: ContentItem
    /// Slugs of related concepts, as the author listed them in `related:` ("hangt samen met").
    package var related: [String]
    /// The typed relations of the `relations:` map, in the order of ``RelationType/keys``, then as written.
    package var relations: [ConceptRelation]
    /// The keys of the `relations:` map that are no relation type, as written: errors that ``FieldReferences``
    /// reports with the file's dangling slugs.
    package var unknownRelationTypes: [String] = []
    /// A group such as `lens`, or `nil`.
    package var group: String?
    /// Which of its names are linked automatically.
    package var linking: ConceptLinkingRule

    /// Creates a concept.
    package init(item: ContentItem, related: [String] = [], relations: [ConceptRelation] = [], group: String? = nil,
                 linking: ConceptLinkingRule = .automatic) {
        self.item = item
        self.related = related
        self.relations = relations
        self.group = group
        self.linking = linking
    }

    /// The names the engine links by itself, as ``linking`` allows.
    package var automaticNames: [String] {
        switch linking.names {
        case .titleAndAliases: return [item.title] + item.aliases
        case .aliasesOnly: return item.aliases
        case .none: return []
        }
    }
}

/// A miniature: a short practice scene.
package struct Miniature: Hashable, Sendable {
    /// Name, source and body.
    package var item: ContentItem
    /// The slug of the article it belongs to, or `nil`.
    package var article: String?
    /// Slugs of the lens concepts it illustrates.
    package var lenses: [String]

    /// Creates a miniature.
    package init(item: ContentItem, article: String? = nil, lenses: [String] = []) {
        self.item = item
        self.article = article
        self.lenses = lenses
    }
}

/// Which of a concept's names the engine links by itself wherever they occur in running text (front matter
/// `linking`). A concept named by an ordinary word ("Betekenis", "Box") can be limited so that the word used in its
/// ordinary sense is not listed as a mention; a `[[wikilink]]` always links.
package struct ConceptLinkingRule: Hashable, Sendable, CustomStringConvertible {
    /// Which names are matched automatically.
    package enum Names: String, Hashable, Sendable {
        /// The title and every alias (the default).
        case titleAndAliases = "automatic"
        /// Only the aliases: the title is an ordinary word, the aliases are not.
        case aliasesOnly = "aliases-only"
        /// None: only `[[wikilinks]]` link to the concept.
        case none = "wikilinks-only"
    }

    /// Which names are matched automatically.
    package var names: Names
    /// Whether a name matches only as written, capitals included ("Box" but not "box").
    package var caseSensitive: Bool

    /// The default: every name, in any case.
    package static let automatic = ConceptLinkingRule(names: .titleAndAliases, caseSensitive: false)

    /// Creates a rule.
    package init(names: Names, caseSensitive: Bool) {
        self.names = names
        self.caseSensitive = caseSensitive
    }

    /// The words `linking` may list, as the README documents them.
    package static let words = ["automatic", "aliases-only", "case-sensitive", "wikilinks-only"]

    /// The rule a list of words gives, or `nil` when a word is unknown or two contradict each other.
    package init?(words: [String]) {
        self = .automatic
        var namesGiven = false
        for word in words {
            if word == "case-sensitive" {
                caseSensitive = true
            } else if let names = Names(rawValue: word), !namesGiven || names == self.names {
                self.names = names
                namesGiven = true
            } else {
                return nil
            }
        }
    }

    /// The rule as `linking` would write it.
    package var description: String {
        caseSensitive ? (names == .titleAndAliases ? "case-sensitive" : "\(names.rawValue), case-sensitive") : names.rawValue
    }
}
