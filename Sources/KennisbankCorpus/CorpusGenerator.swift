import Foundation
import KennisbankCore

/// The size and seed of a generated corpus.
package struct CorpusOptions: Hashable, Sendable {
    /// How many articles (each about `wordsPerArticle` words).
    package var articles: Int
    /// How many concepts.
    package var concepts: Int
    /// How many references in Content/bibliography/.
    package var references: Int
    /// How many miniatures.
    package var miniatures: Int
    /// The seed: the same seed and sizes give the same bytes.
    package var seed: UInt64
    /// The approximate length of each article's body, in words.
    package var wordsPerArticle: Int

    /// Creates options; the defaults are the benchmark's full size.
    package init(articles: Int = 2000, concepts: Int = 300, references: Int = 1500, miniatures: Int = 500,
                seed: UInt64 = 1, wordsPerArticle: Int = 4000) {
        self.articles = articles
        self.concepts = concepts
        self.references = references
        self.miniatures = miniatures
        self.seed = seed
        self.wordsPerArticle = wordsPerArticle
    }
}

/// Generates a complete, valid Content/ folder for benchmarks: site.yml, articles with every citation
/// form of the content format, wikilinks, embeds and concept mentions, concepts, miniatures and a
/// shared bibliography. Everything resolves, so `kennisbank check` reports no problems.
///
/// ```swift
/// let generator = CorpusGenerator(options: CorpusOptions(articles: 500))
/// try generator.write(to: "/tmp/corpus")   // /tmp/corpus/site.yml, articles/, …
/// ```
///
/// The shared parts (references, concepts, titles) come from one random stream; each article and
/// miniature has its own stream, so files are generated in parallel and still identical for a seed.
package struct CorpusGenerator: Sendable {
    /// The sizes and seed.
    package let options: CorpusOptions
    /// The references, in key order.
    package let references: [CorpusReference]
    /// The concepts.
    package let concepts: [CorpusConcept]
    /// Article titles and slugs, in series order.
    package let articles: [(slug: String, title: String)]
    /// Miniature titles and slugs.
    package let miniatures: [(slug: String, title: String)]

    private let referencesByAuthors: [[CorpusReference]]
    private let sameAuthorGroups: [[CorpusReference]]

    /// Plans the corpus: references, concepts and titles; the files are made by `files()` or `write(to:)`.
    package init(options: CorpusOptions) {
        self.options = options
        var random = SeededRandom(seed: options.seed)
        references = ReferenceCorpus.make(count: max(0, options.references), random: &random).sorted { $0.key < $1.key }
        concepts = ConceptCorpus.make(count: max(0, options.concepts), random: &random)
        var taken = Set(concepts.flatMap(\.names))
        var text = DutchText(random: random)
        var slugs = Set(concepts.map(\.slug))
        func unique(_ make: (inout DutchText) -> String) -> (slug: String, title: String) {
            var attempt = 0
            while true {
                var title = make(&text)
                if attempt > 20 { title += " " + DutchText.capitalised(text.random.pick(DutchText.deNouns)) + " \(attempt)" }
                let slug = Slug.make(from: title)
                attempt += 1
                guard !taken.contains(title.lowercased()), !slugs.contains(slug) else { continue }
                taken.insert(title.lowercased())
                slugs.insert(slug)
                return (slug, title)
            }
        }
        articles = (0..<max(0, options.articles)).map { _ in unique { $0.heading() } }
        let roles = ["directeur", "teamleider", "bestuurder", "CFO", "CEO", "afdelingsmanager", "huisarts", "wethouder",
                     "schoolleider", "projectleider", "HR-directeur", "rector", "hoofdredacteur", "officier", "dirigent"]
        miniatures = (0..<max(0, options.miniatures)).map { _ in
            unique { text in "De \(text.random.pick(roles)) en \(text.nounPhrase())" }
        }
        referencesByAuthors = [references.filter { $0.surnames.count == 1 }, references.filter { $0.surnames.count == 2 },
                               references.filter { $0.surnames.count >= 3 }]
        sameAuthorGroups = Dictionary(grouping: references) { $0.surnames[0] }.values
            .filter { $0.count >= 2 }.map { $0.sorted { $0.year < $1.year } }.sorted { $0[0].key < $1[0].key }
    }

    /// Every file of the corpus, as paths relative to the content folder and their text, sorted by path.
    package func files() -> [(path: String, text: String)] {
        var result: [(path: String, text: String)] = [("site.yml", siteConfig())]
        result += bibliographyFiles()
        result += concepts.indices.map { ("concepts/\(concepts[$0].slug).md", concept($0)) }
        result += miniatures.indices.map { ("miniatures/\(miniatures[$0].slug).md", miniature($0)) }
        result += Array(articles.indices).parallelMap { ("articles/\(articles[$0].slug).md", article($0)) }
        return result.sorted { $0.path < $1.path }
    }

    /// Writes the corpus into a folder (created if needed; existing files with the same names are replaced).
    package func write(to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        for folder in ["articles", "concepts", "miniatures", "bibliography"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (path, text) in files() {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
    }

    // MARK: - Files

    func siteConfig() -> String {
        """
        title: Kennisbank proefcorpus
        description: Een gegenereerd corpus van \(articles.count) artikelen, \(concepts.count) begrippen, \(references.count) bronnen en \(miniatures.count) miniaturen, voor metingen.
        language: nl
        author: Kennisbank corpusgenerator
        seriesAuthor: Kennisbank corpusgenerator
        conceptLinking: first-per-page

        """
    }

    func bibliographyFiles() -> [(path: String, text: String)] {
        stride(from: 0, to: references.count, by: 250).map { start in
            let chunk = references[start..<min(start + 250, references.count)]
            let name = String(format: "bronnen-%02d.md", start / 250 + 1)
            return ("bibliography/\(name)", chunk.map { "- \($0.entry)\n" }.joined())
        }
    }

    func concept(_ index: Int) -> String {
        let concept = concepts[index]
        var random = SeededRandom(seed: options.seed, stream: 1_000_000 + UInt64(index))
        let related = random.sample(concepts.indices.filter { $0 != index }, count: min(3, concepts.count - 1)).map { concepts[$0].slug }
        var text = DutchText(random: random)
        var out = "---\ntitle: \(Self.quoted(concept.title))\n"
        if !concept.aliases.isEmpty { out += "aliases:\n" + concept.aliases.map { "  - \(Self.quoted($0))\n" }.joined() }
        out += "summary: \(Self.quoted(text.sentence()))\n"
        if !related.isEmpty { out += "related:\n" + related.map { "  - \($0)\n" }.joined() }
        out += "group: \(concept.group)\n---\n"
        out += text.paragraph(sentences: text.random.int(3...6)) + "\n\n"
        if let first = related.first {
            out += "Dit begrip hangt samen met [[\(first)]]. " + text.paragraph(sentences: text.random.int(2...4)) + "\n"
        }
        return out
    }

    func miniature(_ index: Int) -> String {
        var random = SeededRandom(seed: options.seed, stream: 2_000_000 + UInt64(index))
        let lenses = concepts.isEmpty ? [] : random.sample(concepts, count: random.int(1...2)).map(\.slug)
        var text = DutchText(random: random)
        var out = "---\ntitle: \(Self.quoted(miniatures[index].title))\n"
        if !articles.isEmpty { out += "article: \(articles[index % articles.count].slug)\n" }
        if !lenses.isEmpty { out += "lenses:\n" + lenses.map { "  - \($0)\n" }.joined() }
        out += "summary: \(Self.quoted(text.sentence()))\n---\n"
        for paragraph in 0..<text.random.int(2...3) {
            if paragraph == 1, !concepts.isEmpty {
                out += text.sentence(mentioning: text.random.pick(text.random.pick(concepts).names)) + " "
            }
            out += text.paragraph(sentences: text.random.int(4...7)) + "\n\n"
        }
        return out
    }

    // MARK: - Articles

    /// One article: front matter, sections with headings, paragraphs, lists, quotes, citations in every
    /// form, wikilinks, embeds, concept mentions, and the Literatuur list of what it cites.
    func article(_ index: Int) -> String {
        var writer = ArticleWriter(generator: self, index: index,
                                   text: DutchText(random: SeededRandom(seed: options.seed, stream: 3_000_000 + UInt64(index))))
        return writer.write()
    }

    /// The article's front-matter date: distinct and valid for every index.
    static func date(_ index: Int) -> String {
        String(format: "%04d-%02d-%02d", 2000 + index / 336, (index / 28) % 12 + 1, index % 28 + 1)
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    fileprivate func references(authors: Int) -> [CorpusReference] { referencesByAuthors[min(authors, 3) - 1] }
    fileprivate var sameAuthor: [[CorpusReference]] { sameAuthorGroups }
}

/// Writes one article; keeps track of what it cited for the Literatuur list.
private struct ArticleWriter {
    let generator: CorpusGenerator
    let index: Int
    var text: DutchText
    var cited: [String: CorpusReference] = [:]
    var pool: [CorpusReference]
    var form = 0
    var words = 0
    var out = ""

    init(generator: CorpusGenerator, index: Int, text: DutchText) {
        self.generator = generator
        self.index = index
        self.text = text
        self.pool = self.text.random.sample(generator.references, count: 20)
        out.reserveCapacity(generator.options.wordsPerArticle * 8)
    }

    mutating func write() -> String {
        let (slug, title) = generator.articles[index]
        _ = slug
        out += "---\ntitle: \(CorpusGenerator.quoted(title))\nseries: \(index + 1)\ndate: \(CorpusGenerator.date(index))\n"
        out += "summary: \(CorpusGenerator.quoted(text.sentence() + " " + text.sentence()))\n---\n"
        out += "*Een artikel uit de reeks, deel \(index + 1)*\n\n"
        out += "## Samenvatting\n\n" + paragraph() + "\n\n"
        out += "## Inleiding\n\n" + paragraph() + "\n\n" + paragraph() + "\n\n"
        var embedded = 0
        var section = 2
        let target = max(200, generator.options.wordsPerArticle)
        while words < target {
            out += "## \(section). \(text.heading())\n\n"
            out += paragraph() + "\n\n"
            for _ in 0..<text.random.int(1...3) where words < target {
                out += "### \(text.heading())\n\n"
                for _ in 0..<text.random.int(2...4) { out += paragraph() + "\n\n" }
                switch text.random.below(6) {
                case 0, 1: out += bulletList()
                case 2: out += numberedList()
                case 3: out += "> " + text.sentence() + " " + text.sentence() + "\n\n"
                default: break
                }
            }
            if embedded < 2, !generator.miniatures.isEmpty, text.random.chance(0.35) {
                out += "![[\(text.random.pick(generator.miniatures).slug)]]\n\n"
                embedded += 1
            }
            section += 1
        }
        out += "## Literatuur\n\n"
        out += cited.values.sorted { $0.key < $1.key }.map { "- \($0.entry)\n" }.joined()
        return out
    }

    mutating func paragraph() -> String {
        var sentences: [String] = []
        for _ in 0..<text.random.int(4...7) { sentences.append(text.sentence()) }
        if !generator.references.isEmpty, text.random.chance(0.5) {
            sentences.insert(citationSentence(), at: text.random.below(sentences.count + 1))
        }
        if !generator.concepts.isEmpty, text.random.chance(0.35) {
            sentences.insert(text.sentence(mentioning: text.random.pick(text.random.pick(generator.concepts).names)),
                             at: text.random.below(sentences.count + 1))
        }
        if text.random.chance(0.12), let link = wikilink() {
            sentences.append("Zie ook \(link) voor \(text.nounPhrase()).")
        }
        if text.random.chance(0.2) {
            let emphasis = text.random.chance(0.7) ? "*\(text.phrase())*" : "**\(text.phrase())**"
            sentences.insert("Het gaat hier om \(emphasis).", at: text.random.below(sentences.count + 1))
        }
        let paragraph = sentences.joined(separator: " ")
        words += paragraph.utf8.reduce(1) { $0 + ($1 == 32 ? 1 : 0) }
        return paragraph
    }

    mutating func bulletList() -> String {
        var list = ""
        for _ in 0..<text.random.int(3...6) {
            let item = text.random.chance(0.4) ? "**\(DutchText.capitalised(text.phrase()))**: \(text.clause())." : DutchText.capitalised(text.clause()) + "."
            list += "- \(item)\n"
            words += item.split(separator: " ").count
        }
        return list + "\n"
    }

    mutating func numberedList() -> String {
        var list = ""
        for number in 1...text.random.int(3...5) {
            let item = DutchText.capitalised(text.clause()) + "."
            list += "\(number). \(item)\n"
            words += item.split(separator: " ").count
        }
        return list + "\n"
    }

    mutating func wikilink() -> String? {
        switch text.random.below(5) {
        case 0 where !generator.concepts.isEmpty:
            return "[[\(text.random.pick(generator.concepts).slug)]]"
        case 1 where !generator.concepts.isEmpty:
            return "[[\(text.random.pick(generator.concepts).title)|\(text.nounPhrase())]]"
        case 2 where generator.articles.count > 1:
            return "[[\(generator.articles[(index + 1 + text.random.below(generator.articles.count - 1)) % generator.articles.count].slug)]]"
        case 3 where generator.articles.count > 1:
            return "[[\(generator.articles[(index + 1 + text.random.below(generator.articles.count - 1)) % generator.articles.count].slug)#Inleiding]]"
        case 4 where !generator.miniatures.isEmpty:
            return "[[\(text.random.pick(generator.miniatures).slug)]]"
        default:
            return nil
        }
    }

    /// A reference with the given number of authors (3 means three or more), preferring the article's pool.
    mutating func reference(authors: Int) -> CorpusReference {
        let local = pool.filter { min($0.surnames.count, 3) == authors }
        let chosen: CorpusReference
        if !local.isEmpty { chosen = text.random.pick(local) }
        else if !generator.references(authors: authors).isEmpty {
            chosen = text.random.pick(generator.references(authors: authors))
            pool.append(chosen)
        } else { chosen = text.random.pick(pool.isEmpty ? generator.references : pool) }
        cited[chosen.key] = chosen
        return chosen
    }

    /// A sentence with the next citation form, so every article uses every form.
    mutating func citationSentence() -> String {
        defer { form += 1 }
        switch form % 13 {
        case 0, 1, 2, 11:
            let authors = [0: 1, 1: 2, 2: 2, 11: 3][form % 13]!
            let reference = reference(authors: authors)
            return text.sentence(narrativeCitation: reference.narrative(variant: form % 13 == 2 || form % 26 == 24 ? 1 : 0), plural: reference.isPlural)
        case 3:
            return text.sentence(parentheticalCitation: "(\(reference(authors: 1).parentheticalPart(variant: 0)))")
        case 4, 5:
            return text.sentence(parentheticalCitation: "(\(reference(authors: 3).parentheticalPart(variant: form % 13 == 4 ? 0 : 1)))")
        case 6:
            guard !generator.sameAuthor.isEmpty else { return text.sentence(narrativeCitation: reference(authors: 1).narrative(variant: 0), plural: false) }
            let group = text.random.pick(generator.sameAuthor)
            let works = group.count == 2 ? group : text.random.sample(group, count: 2).sorted { $0.year < $1.year }
            for work in works { cited[work.key] = work }
            return text.sentence(narrativeCitation: "\(works[0].surnames[0]) (\(works.map { String($0.year) }.joined(separator: ", ")))", plural: false)
        case 7:
            let first = text.random.int(5...300)
            let reference = reference(authors: 1)
            return text.sentence(narrativeCitation: reference.narrative(variant: 0, locator: "p. \(first)-\(first + text.random.int(1...4))"), plural: false)
        case 8:
            return text.sentence(parentheticalCitation: "[@\(reference(authors: 1 + text.random.below(3)).key)]")
        case 9:
            return text.sentence(parentheticalCitation: "[@\(reference(authors: 1 + text.random.below(3)).key), p. \(text.random.int(3...250))]")
        case 10:
            let first = reference(authors: 1 + text.random.below(3))
            var second = reference(authors: 1 + text.random.below(3))
            if second.key == first.key, generator.references.count > 1 { second = reference(authors: 1 + (min(first.surnames.count, 3) % 3)) }
            return text.sentence(parentheticalCitation: first.key == second.key ? "[@\(first.key)]" : "[@\(first.key); @\(second.key)]")
        default:
            let first = reference(authors: 1)
            let second = reference(authors: 2)
            return text.sentence(parentheticalCitation: first.key == second.key ? "(\(first.parentheticalPart(variant: 0)))"
                                 : "(\(first.parentheticalPart(variant: 0)); \(second.parentheticalPart(variant: 1)))")
        }
    }
}
