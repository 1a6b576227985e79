import XCTest
import Cstemmer
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// The search index by word: its words (folding, hyphens), Snowball's Dutch stems, and the files a browser loads.
final class SearchIndexTests: XCTestCase {
    /// A file of stems as the browser reads it.
    private struct Bucket: Decodable {
        struct Stem: Decodable { let f: [String], h: [Hit], n: Int }
        /// `[page, anchor, heading, excerpt, score, section]`.
        struct Hit: Decodable {
            let page: Int, anchor: String, heading: String, excerpt: String, score: Int, section: Int
            init(from decoder: any Decoder) throws {
                var array = try decoder.unkeyedContainer()
                page = try array.decode(Int.self)
                anchor = try array.decode(String.self)
                heading = try array.decode(String.self)
                excerpt = try array.decode(String.self)
                score = try array.decode(Int.self)
                section = try array.decode(Int.self)
            }
        }
        /// `[title, url, kind, number]`: `fields` are the first three, `number` the page's place in the index's order.
        struct Page: Decodable {
            let fields: [String], number: Int
            init(from decoder: any Decoder) throws {
                var array = try decoder.unkeyedContainer()
                fields = [try array.decode(String.self), try array.decode(String.self), try array.decode(String.self)]
                number = try array.decode(Int.self)
            }
            subscript(field: Int) -> String { fields[field] }
        }
        let pages: [Page]
        let stems: [String: Stem]
    }

    /// A file of words: each form's stem, and each stem's key and number of sections.
    private struct Words: Decodable {
        struct Stem: Decodable {
            let key: String, total: Int
            init(from decoder: any Decoder) throws {
                var array = try decoder.unkeyedContainer()
                key = try array.decode(String.self)
                total = try array.decode(Int.self)
            }
        }
        let forms: [String: String]
        let stems: [String: Stem]
        /// The Dutch stop words that start with the file's letters.
        let stop: [String]
    }

    /// The index of a built site: its files of words and of stems.
    private struct Index {
        var words: [String: Words]
        var buckets: [String: Bucket]

        /// The entry of the stem of a folded word form, found as the browser finds it, with its file's pages.
        func lookUp(_ form: String) -> (stem: String, entry: Bucket.Stem, pages: [Bucket.Page])? {
            guard let file = words[SearchIndex.letters(of: form)], let stem = file.forms[form], let key = file.stems[stem]?.key,
                  let bucket = buckets[key], let entry = bucket.stems[stem] else { return nil }
            XCTAssertEqual(file.stems[stem]?.total, entry.n)
            return (stem, entry, bucket.pages)
        }
    }

    /// The object a script files under its key in `global`, decoded.
    private func decode<Value: Decodable>(_ type: Value.Type, _ file: OutputFile, global: String, key: String) throws -> Value {
        let script = String(decoding: file.contents, as: UTF8.self)
        let head = "(window.\(global) = window.\(global) || {})[\"\(key)\"] = "
        XCTAssertTrue(script.hasPrefix(head) && script.hasSuffix(";\n"), file.path)
        return try JSONDecoder().decode(type, from: Data(script.dropFirst(head.count).dropLast(2).utf8))
    }

    private func index(of files: [OutputFile]) throws -> Index {
        var index = Index(words: [:], buckets: [:])
        for file in files where file.path.hasPrefix("search/") && !SearchIndexTests.isMore(file.path) {
            let name = String(file.path.split(separator: "/").last!.dropLast(".js".count))
            if file.path.hasPrefix("search/terms/") {
                index.buckets[name] = try decode(Bucket.self, file, global: "KENNISBANK_SEARCH", key: name)
            } else {
                XCTAssertTrue(file.path.hasPrefix("search/words/"), file.path)
                XCTAssertEqual(name.count, 2, file.path)
                index.words[name] = try decode(Words.self, file, global: "KENNISBANK_SEARCH_WORDS", key: name)
            }
        }
        return index
    }

    /// Whether a file of the index is one of the files of a stem over the limit (``SearchMore``).
    private static func isMore(_ path: String) -> Bool {
        path.hasPrefix("search/more/") || path.hasPrefix("search/sections/")
    }

    private func realSite() throws -> BuildReport {
        let root = Fixtures.repository
        return try Build(contentDirectory: root.appendingPathComponent("Content").path,
                         templatesDirectory: root.appendingPathComponent("Templates").path, outputDirectory: "").generate()
    }

    // MARK: Words

    func testWordsAreFoldedAndHyphenatedCompoundsAreAlsoOneWord() {
        let text = "Het niet-weten van de Cliënt’s coach, e-mail en 1994: ‘Ideeën’."
        XCTAssertEqual(SearchText.forms(in: text),
                       ["het", "niet", "weten", "nietweten", "van", "de", "clients", "coach", "mail", "email", "en", "1994", "ideeen"])
        // Offsets are UTF-8 bytes of the text: "Cliënt’s" starts after "Het niet-weten van de " (22 bytes) and
        // takes 11 bytes (ë and ’ are 2 and 3 bytes).
        let client = SearchText.words(in: text).first { $0.form == "clients" }
        XCTAssertEqual(client, SearchText.Word(form: "clients", start: 22, end: 33))
        let compound = SearchText.words(in: text).first { $0.form == "nietweten" }
        XCTAssertEqual(compound, SearchText.Word(form: "nietweten", start: 4, end: 14))
        // A hyphen with a space on either side joins nothing; a dash is no hyphen.
        XCTAssertEqual(SearchText.forms(in: "niet - weten, niet–weten"), ["niet", "weten", "niet", "weten"])
    }

    /// The examples of Snowball's own description of its Dutch stemmer (snowballstem.org/algorithms/dutch).
    func testDutchStemsAreSnowballs() {
        XCTAssertEqual(DutchStemmer.stems(["lichamelijk", "lichamelijke", "lichamelijkheden", "lichamen", "gelukkig"]),
                       ["licham", "licham", "licham", "licham", "gelukk"])
    }

    // MARK: The index of the real content

    /// Every word form of the real Content's index maps to the stem libstemmer gives it, called here directly;
    /// and every word of the pages' text (tokenised by the test itself) is found by the browser's look-up.
    func testEveryFormOfTheRealContentMapsToLibstemmersStem() throws {
        let report = try realSite()
        let index = try index(of: report.files)
        guard let stemmer = sb_stemmer_new("dutch", "UTF_8") else { return XCTFail("no dutch stemmer") }
        defer { sb_stemmer_delete(stemmer) }
        func stem(_ word: String) -> String {
            let bytes = Array(word.utf8)
            let result = sb_stemmer_stem(stemmer, bytes, Int32(bytes.count))!
            return String(decoding: UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
        }
        var forms = 0
        for (_, bucket) in index.buckets {
            for (stemmed, entry) in bucket.stems {
                for form in entry.f { XCTAssertEqual(stem(form), stemmed, form) }
            }
        }
        for (letters, file) in index.words {
            for (form, stemmed) in file.forms {
                XCTAssertEqual(stem(form), stemmed, form)
                XCTAssertTrue(form.hasPrefix(letters), form)
                forms += 1
            }
        }
        XCTAssertGreaterThan(forms, 2_000, "the real content has thousands of word forms")
        // The vocabulary of the articles' paragraphs and headings as read from Content/ (the build's own trees are
        // released), tokenised here: lowercase, diacritics off, split on anything not a letter or digit.
        let content = try ContentLoader(directory: Fixtures.repository.appendingPathComponent("Content").path).load()
        var vocabulary = Set<String>()
        for article in content.articles {
            var text = ""
            article.item.document.forEachBlock { block, _ in
                if case .paragraph = block.kind { text += " " + block.inlines.plainText }
                if case .heading = block.kind { text += " " + block.inlines.plainText }
            }
            for raw in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "'", with: "")
                .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) where raw.count > 1 {
                vocabulary.insert(String(raw))
            }
        }
        XCTAssertGreaterThan(vocabulary.count, 1_000)
        for word in vocabulary.sorted() {
            XCTAssertEqual(index.lookUp(word)?.stem, stem(word), "\(word) is not found under its stem")
        }
    }

    func testTheFilesHoldEachStemUnderItsKeyRankedAndCapped() throws {
        let index = try index(of: try realSite().files)
        let keys = Set(index.buckets.keys)
        for (key, bucket) in index.buckets {
            for (stem, entry) in bucket.stems {
                XCTAssertEqual(SearchIndex.key(of: stem, among: keys), key, "\(stem) is in the file of its longest key")
                let carried = entry.n <= SearchIndex.allHitsUpTo ? entry.n : SearchIndex.hitsPerStem
                XCTAssertEqual(entry.h.count, carried, "\(stem): every hit up to \(SearchIndex.allHitsUpTo), else the best, of \(entry.n)")
                XCTAssertEqual(entry.h.map(\.score), entry.h.map(\.score).sorted(by: >), "\(stem): best first")
                let sections = entry.h.map { bucket.pages[$0.page][1] + "#" + $0.heading }
                XCTAssertEqual(Set(sections).count, sections.count, "\(stem): a page shows once per section")
            }
        }
        // Kegan: the literature's reference, under its key, and the places that cite it.
        let kegan = try XCTUnwrap(index.lookUp("kegan"))
        let literature = kegan.entry.h.filter { kegan.pages[$0.page][1] == "literatuur/" }
        XCTAssertFalse(literature.isEmpty, "the literature is indexed")
        XCTAssertTrue(literature.allSatisfy { $0.anchor.hasPrefix("kegan") && $0.heading.hasPrefix("Kegan") && $0.excerpt.contains("Kegan") })
        XCTAssertGreaterThan(kegan.entry.n, 2)
    }

    /// A small site whose figures are counted by hand: sections, scores, excerpts, a concept's alias and definition.
    func testAStemCarriesItsSectionsWithScoresAndExcerpts() throws {
        let folder = try temporaryContentFolder([
            "articles/een.md": "---\ntitle: Een\nauthors: [A. Auteur]\n---\nVertrouwen groeit.\n\n## Over vertrouwen\n\nWie vertrouwt, wint. Vertrouwen is werk.\n\nNog een alinea over vertrouwen.\n\n## Anders\n\nGeen woord erover.\n",
            "concepts/veiligheid.md": "---\ntitle: Veiligheid\naliases: [basisvertrouwen]\nsummary: Het gevoel dat men veilig is.\n---\nUitleg.\n",
        ])
        let report = try inMemoryBuild(of: folder).generate()
        let index = try index(of: report.files)
        let found = try XCTUnwrap(index.lookUp("vertrouwen"))
        XCTAssertEqual(found.stem, "vertrouw")
        XCTAssertEqual(found.entry.f, ["vertrouwen"], "'vertrouwt' is a stem of its own in Snowball's Dutch")
        XCTAssertEqual(found.entry.n, 2, "two sections: the opening and 'Over vertrouwen'")
        // 'Over vertrouwen': the heading (8) and two paragraph occurrences (1 each); the opening: one paragraph word.
        XCTAssertEqual(found.entry.h.map(\.score), [10, 1])
        XCTAssertEqual(found.entry.h.map(\.heading), ["Over vertrouwen", ""])
        // The excerpt is the first paragraph that holds the word, not the heading (which is in the result's title).
        XCTAssertEqual(found.entry.h.map(\.excerpt), ["Wie vertrouwt, wint. Vertrouwen is werk.", "Vertrouwen groeit."])
        XCTAssertEqual(found.entry.h.map { found.pages[$0.page].fields }, [["Een", "artikelen/een/", "artikel"], ["Een", "artikelen/een/", "artikel"]])
        // The alias finds the concept, whose hit shows its definition.
        let alias = try XCTUnwrap(index.lookUp("basisvertrouwen"))
        XCTAssertEqual(alias.entry.n, 1)
        XCTAssertEqual(alias.entry.h.first.map { alias.pages[$0.page].fields }, ["Veiligheid", "begrippen/veiligheid/", "begrip"])
        XCTAssertEqual(alias.entry.h.first?.excerpt, "Het gevoel dat men veilig is.")
        XCTAssertEqual(alias.entry.h.first?.score, 30)
    }

    // MARK: Search that forgives (issue 28)

    /// The stop list is Snowball's Dutch list, and each file of words names the stop words of its letters, so the
    /// browser can leave them out of a query ("wat is purpose") without a list of its own.
    func testTheFilesOfWordsNameTheDutchStopWordsOfTheirLetters() throws {
        XCTAssertEqual(DutchStopWords.snowball.count, 101, "Snowball's Dutch stop list has 101 words")
        XCTAssertEqual(DutchStopWords.all.count, 101, "no word twice")
        // Folded forms, but for "u": a one-letter word is never a form (SearchText drops it, as the script does).
        XCTAssertTrue(DutchStopWords.snowball.filter { $0.count > 1 }.allSatisfy { SearchText.forms(in: $0) == [$0] }, "the stop words are folded forms")
        XCTAssertEqual(SearchText.forms(in: "u"), [])
        let index = try index(of: try realSite().files)
        XCTAssertEqual(index.words["wa"]?.stop, ["want", "waren", "was", "wat"])
        XCTAssertEqual(index.words["is"]?.stop, ["is"])
        XCTAssertEqual(index.words["pu"]?.stop, [], "no stop word starts with pu")
        for (letters, file) in index.words {
            XCTAssertEqual(file.stop, DutchStopWords.starting(with: letters), letters)
        }
        // Every stop word of two letters or more is shipped, in the file its look-up loads (the real content has them all).
        let shipped = Set(index.words.values.flatMap(\.stop))
        XCTAssertEqual(shipped, DutchStopWords.all.filter { $0.count > 1 })
        // No word of the real content starts with "uw": its file names the stop word alone, so "uw identiteit" still
        // leaves it out.
        XCTAssertEqual(index.words["uw"]?.forms, [:])
        XCTAssertEqual(index.words["uw"]?.stop, ["uw"])
        // A stop word is still indexed: a query of stop words alone finds them.
        XCTAssertNotNil(index.lookUp("wat"))
    }

    /// The vocabulary a misspelt word is matched against ships in the files of words the look-up loads anyway: each
    /// file holds every form of the site that starts with its letters, and nothing else.
    func testTheVocabularyIsInTheFilesOfWordsByFirstLetters() throws {
        let index = try index(of: try realSite().files)
        let everyForm = Set(index.buckets.values.flatMap { $0.stems.values.flatMap(\.f) })
        let inWords = index.words.flatMap { letters, file in file.forms.keys.map { (letters, $0) } }
        XCTAssertEqual(Set(inWords.map(\.1)), everyForm, "the files of words hold every form of the index")
        XCTAssertEqual(inWords.count, everyForm.count, "each form once")
        XCTAssertTrue(inWords.allSatisfy { $0.1.hasPrefix($0.0) })
        // "identiteid" (a typo) loads words/id.js, which holds "identiteit", two edits away.
        XCTAssertNotNil(index.words["id"]?.forms["identiteit"])
        XCTAssertNil(index.words["id"]?.forms["identiteid"])
    }

    /// A stem in at most ``SearchIndex/allHitsUpTo`` sections carries all of them, best first (a title before a
    /// definition before a paragraph), so that every result is reachable; a stem in more carries its best.
    func testAStemCarriesAllItsSectionsUpToTheLimitBestFirst() throws {
        var files = [
            "concepts/vertrouwen.md": "---\ntitle: Vertrouwen\nsummary: Het gevoel dat een ander betrouwbaar is.\n---\nUitleg.\n",
            "concepts/veiligheid.md": "---\ntitle: Veiligheid\nsummary: Een grond van vertrouwen.\n---\nUitleg.\n",
        ]
        for number in 1...30 {
            files["articles/a\(number).md"] = "---\ntitle: Artikel \(number)\nauthors: [A. Auteur]\n---\nHier gaat het om vertrouwen en om zeldzaam.\n"
        }
        for number in 31...(SearchIndex.allHitsUpTo + 10) {
            files["articles/a\(number).md"] = "---\ntitle: Artikel \(number)\nauthors: [A. Auteur]\n---\nHier gaat het om vertrouwen.\n"
        }
        let index = try index(of: try inMemoryBuild(of: try temporaryContentFolder(files)).generate().files)
        // 30 sections: all of them, the true count.
        let rare = try XCTUnwrap(index.lookUp("zeldzaam"))
        XCTAssertEqual(rare.entry.n, 30)
        XCTAssertEqual(rare.entry.h.count, 30, "every section of a word in up to \(SearchIndex.allHitsUpTo) is carried")
        XCTAssertEqual(Set(rare.entry.h.map { rare.pages[$0.page][1] }).count, 30)
        // More than the limit: the best, the concept named by the word first, then the definition that holds it.
        let common = try XCTUnwrap(index.lookUp("vertrouwen"))
        XCTAssertEqual(common.entry.n, SearchIndex.allHitsUpTo + 10 + 2)
        XCTAssertEqual(common.entry.h.count, SearchIndex.hitsPerStem)
        XCTAssertEqual(common.entry.h.prefix(2).map { common.pages[$0.page][0] }, ["Vertrouwen", "Veiligheid"])
        XCTAssertEqual(common.entry.h.map(\.score), common.entry.h.map(\.score).sorted(by: >), "best first")
        // Equal scores keep the site's order: articles in their order after the concepts that outscore them.
        XCTAssertEqual(common.entry.h[2...].map { common.pages[$0.page][2] }, Array(repeating: "artikel", count: SearchIndex.hitsPerStem - 2))
    }

    /// A file of a stem's sections (`search/more/<stem>.js`) as the browser reads it.
    private struct More: Decodable { let per: Int, sections: String, carried: String }
    /// A file of sections: each page as `[title, url, kind, [heading, anchor, …]]`.
    private struct Sections: Decodable {
        struct Page: Decodable {
            let title: String, url: String, kind: String, sections: [String]
            init(from decoder: any Decoder) throws {
                var array = try decoder.unkeyedContainer()
                title = try array.decode(String.self)
                url = try array.decode(String.self)
                kind = try array.decode(String.self)
                sections = try array.decode([String].self)
            }
        }
        let pages: [Page]
    }

    /// The numbers of ``SectionSet``: each page's number less the last one's, then its sections' mask, five bits a
    /// character, lowest first, 32 added to each but a number's last.
    func testASectionSetWritesPagesAndMasksInFiveBitGroups() {
        XCTAssertEqual(SectionSet.encode([(5, [0, 3])]), "GJ", "page 5 is 6 after none; sections 0 and 3 are 0b1001")
        XCTAssertEqual(SectionSet.encode([(4, [1]), (5, [0, 3])]), "FCBJ")
        // Page 40 after page 5: 35 = 3 + 32, two characters; section 12 is bit 2 of the third group.
        XCTAssertEqual(SectionSet.encode([(5, [0]), (40, [12])]), "GBjBggE")
        let sets: [[(page: Int, sections: [Int])]] = [
            [], [(0, [0])], [(0, [4, 5, 9, 10])], [(1, [0]), (2, [1, 2]), (3_000, [0, 1_499])],
            [(31, Array(0..<64)), (32, [31, 32]), (1_056, [7])],
        ]
        for pages in sets {
            let text = SectionSet.encode(pages)
            XCTAssertTrue(text.utf8.allSatisfy { SectionSet.alphabet.contains($0) }, text)
            let decoded = SectionSet.decode(text)
            XCTAssertEqual(decoded.map(\.page), pages.map(\.page), text)
            XCTAssertEqual(decoded.map(\.sections), pages.map(\.sections), text)
        }
    }

    /// A stem in more than ``SearchIndex/allHitsUpTo`` sections has a file of every section that holds it, which
    /// the files of sections turn into pages and headings: every result is reachable, each once, the count true.
    func testAStemOverTheLimitHasEverySectionInAFileOfItsOwn() throws {
        var files = [
            "concepts/vertrouwen.md": "---\ntitle: Vertrouwen\nsummary: Het gevoel dat een ander betrouwbaar is.\n---\nUitleg.\n",
        ]
        for number in 1...(SearchIndex.allHitsUpTo + 10) {
            // Every third article holds the word in a second section too.
            let second = number % 3 == 0 ? "\n## Verder\n\nOok hier vertrouwen.\n" : "\n## Verder\n\nIets anders.\n"
            let rare = number <= 30 ? " en om zeldzaam" : ""
            files["articles/a\(number).md"] = "---\ntitle: Artikel \(number)\nauthors: [A. Auteur]\n---\nHier gaat het om vertrouwen\(rare).\n" + second
        }
        let built = try inMemoryBuild(of: try temporaryContentFolder(files)).generate().files
        let index = try index(of: built)
        let common = try XCTUnwrap(index.lookUp("vertrouwen"))
        XCTAssertEqual(common.entry.n, 1 + (SearchIndex.allHitsUpTo + 10) + (SearchIndex.allHitsUpTo + 10) / 3)
        XCTAssertEqual(common.entry.h.count, SearchIndex.hitsPerStem)
        let byPath = Dictionary(uniqueKeysWithValues: built.map { ($0.path, $0) })
        let moreFile = try XCTUnwrap(byPath[SearchMore.path(ofStem: common.stem)], "the stem's file of sections")
        let more = try decode(More.self, moreFile, global: "KENNISBANK_SEARCH_MORE", key: common.stem)
        XCTAssertEqual(more.per, SearchMore.pagesPerFile)
        let sets = SectionSet.decode(more.sections)
        XCTAssertEqual(sets.reduce(0) { $0 + $1.sections.count }, common.entry.n, "every section, the true count")
        // Each section resolves to a page and a heading, distinct, through the files of sections.
        var shown = Set<String>(), anchors: [String: String] = [:]
        for (page, sections) in sets {
            let file = page / more.per
            let path = SearchMore.path(ofSections: file)
            let entry = try decode(Sections.self, try XCTUnwrap(byPath[path], path), global: "KENNISBANK_SEARCH_SECTIONS",
                                   key: String(file)).pages[page - file * more.per]
            for section in sections {
                shown.insert(entry.url + " › " + entry.sections[2 * section])
                anchors[entry.sections[2 * section]] = entry.sections[2 * section + 1]
            }
        }
        XCTAssertEqual(shown.count, common.entry.n, "each section once")
        XCTAssertTrue(shown.contains("begrippen/vertrouwen/ › "), "the concept's first section")
        XCTAssertEqual(shown.filter { $0.hasSuffix(" › Verder") }.count, (SearchIndex.allHitsUpTo + 10) / 3, "a second section, by its heading")
        XCTAssertEqual(anchors, ["": "", "Verder": "verder"], "a first section links to the top, another to its heading")
        // Every result the file of stems carries is among them.
        for hit in common.entry.h { XCTAssertTrue(shown.contains(common.pages[hit.page][1] + " › " + hit.heading)) }
        // A hit names its section by page number and section as the set does, so that the browser meets a rarer
        // word's hits with the common word's set: here every section of "zeldzaam" holds "vertrouwen" too.
        let rare = try XCTUnwrap(index.lookUp("zeldzaam"))
        let numbered = Set(sets.flatMap { set in set.sections.map { "\(set.page).\($0)" } })
        let rareNumbered = rare.entry.h.map { "\(rare.pages[$0.page].number).\($0.section)" }
        XCTAssertEqual(rareNumbered.count, 30)
        XCTAssertTrue(numbered.isSuperset(of: rareNumbered), "the rare word's sections, by number, are among the common word's")
        XCTAssertEqual(Set(common.entry.h.map { "\(common.pages[$0.page].number).\($0.section)" }),
                       Set(SectionSet.decode(try decode(More.self, moreFile, global: "KENNISBANK_SEARCH_MORE", key: common.stem).carried)
                            .flatMap { set in set.sections.map { "\(set.page).\($0)" } }),
                       "the carried hits are the sections the stem's file marks as carried")
        // A word in fewer sections has no such file; nor has a site without such a word any file of sections.
        XCTAssertNil(byPath[SearchMore.path(ofStem: try XCTUnwrap(index.lookUp("zeldzaam")).stem)])
    }

    /// The real Content has no word in more than ``SearchIndex/allHitsUpTo`` sections: no file of sections at all.
    func testASiteWithoutAWordOverTheLimitHasNoFilesOfSections() throws {
        let paths = try realSite().files.map(\.path).filter { $0.hasPrefix("search/") }
        XCTAssertFalse(paths.isEmpty)
        XCTAssertEqual(paths.filter(SearchIndexTests.isMore), [])
    }

    func testAnExcerptIsCutAtSpacesAroundItsWord() {
        let text = (1...60).map { "woord\($0)" }.joined(separator: " ")
        let offset = Array(text.utf8).count / 2
        let excerpt = SearchPage.excerpt(of: text, around: offset, before: 20, after: 30)
        XCTAssertTrue(excerpt.hasPrefix("… ") && excerpt.hasSuffix(" …"), excerpt)
        let words = excerpt.dropFirst(2).dropLast(2).split(separator: " ")
        XCTAssertTrue(words.allSatisfy { $0.hasPrefix("woord") && Int($0.dropFirst(5)) != nil }, "whole words only: \(excerpt)")
        XCTAssertEqual(SearchPage.excerpt(of: "kort", around: 0), "kort")
    }
}
