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
        /// `[page, anchor, heading, excerpt, score]`.
        struct Hit: Decodable {
            let page: Int, anchor: String, heading: String, excerpt: String, score: Int
            init(from decoder: any Decoder) throws {
                var array = try decoder.unkeyedContainer()
                page = try array.decode(Int.self)
                anchor = try array.decode(String.self)
                heading = try array.decode(String.self)
                excerpt = try array.decode(String.self)
                score = try array.decode(Int.self)
            }
        }
        let pages: [[String]]
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
        func lookUp(_ form: String) -> (stem: String, entry: Bucket.Stem, pages: [[String]])? {
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
        for file in files where file.path.hasPrefix("search/") {
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
        XCTAssertEqual(found.entry.h.map { found.pages[$0.page] }, [["Een", "artikelen/een/", "artikel"], ["Een", "artikelen/een/", "artikel"]])
        // The alias finds the concept, whose hit shows its definition.
        let alias = try XCTUnwrap(index.lookUp("basisvertrouwen"))
        XCTAssertEqual(alias.entry.n, 1)
        XCTAssertEqual(alias.entry.h.first.map { alias.pages[$0.page] }, ["Veiligheid", "begrippen/veiligheid/", "begrip"])
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
