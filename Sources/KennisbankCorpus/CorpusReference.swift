import KennisbankLinking

/// One generated APA 7 reference and the ways running text may cite it.
///
/// Every generated reference has a unique pair of first author (folded) and year, so its key is
/// `surname + year` without a letter and every author-year citation resolves to exactly one work.
package struct CorpusReference: Hashable, Sendable {
    /// The key the engine assigns: the first surname folded to lowercase ASCII, then the year (`vandenberg2010`).
    package var key: String
    /// The authors' surnames, in order.
    package var surnames: [String]
    /// The authors' initials, parallel to `surnames`.
    package var initials: [String]
    /// The year of publication.
    package var year: Int
    /// The list entry as markdown, without the list marker.
    package var entry: String

    /// `Kegan (1994)`, `DeRue en Ashford (2010)`, `DeRue & Ashford (2010)`, `Sommer e.a. (2010)`, `Sommer et al. (2010)`;
    /// `variant` picks between the Dutch and English joining words; `locator` adds a page (`, p. 22-23`).
    package func narrative(variant: Int, locator: String? = nil) -> String {
        "\(authorPhrase(variant: variant)) (\(year)\(locator.map { ", " + $0 } ?? ""))"
    }

    /// The inside of a parenthetical citation: `Pont, 2013`, `DeRue & Ashford, 2010`, `Sommer e.a., 2010`.
    package func parentheticalPart(variant: Int) -> String {
        "\(authorPhrase(variant: variant)), \(year)"
    }

    /// Whether a narrative citation of this work takes a plural verb.
    package var isPlural: Bool { surnames.count > 1 }

    /// The authors as running text writes them.
    func authorPhrase(variant: Int) -> String {
        switch surnames.count {
        case 1: return surnames[0]
        case 2: return "\(surnames[0]) \(variant % 2 == 0 ? "en" : "&") \(surnames[1])"
        default: return "\(surnames[0]) \(variant % 2 == 0 ? "e.a." : "et al.")"
        }
    }
}

/// Generates the shared reference list of a corpus: surnames, initials, years, titles and sources.
package enum ReferenceCorpus {
    static let starts = ["Berg", "Brink", "Dijk", "Hof", "Kamp", "Hout", "Mol", "Steen", "Veld", "Wijn", "Graaf", "Hol",
                         "Kuip", "Mees", "Post", "Roos", "Stol", "Wouters", "Zand", "Blom", "Dekk", "Haan", "Jans", "Kok",
                         "Linde", "Meul", "Nieuw", "Oost", "Pieter", "Rijk", "Schout", "Timmer", "Vos", "Wester", "Bos", "Hend"]
    static let ends = ["man", "mans", "sma", "stra", "hoven", "kamp", "huis", "ink", "ers", "en", "ing", "dijk",
                       "berg", "veld", "meijer", "sen", "gaard", "horst", "beek", "land", "ma", "es", "stein", "wood"]
    static let particles = ["Van", "De", "Van der", "Van den", "Ter", "Ten"]
    static let foreign = ["Petrović", "Güell", "Núñez", "Søndergaard", "Çelik", "Müller", "Dvořák",
                          "Ibarra", "Kegan", "DeRue", "Ashford", "Ruijters", "Sommer", "Pont", "Petriglieri", "Lahey",
                          "MacIntyre", "O'Neill", "D'Souza", "Kahneman", "Schön", "Senge", "Argyris", "Bateson"]
    static let publishers = ["Boom", "Van Gorcum", "Harvard Business Press", "Routledge", "SAGE", "Oxford University Press",
                             "Springer", "Amsterdam University Press", "Vakmedianet", "Bohn Stafleu van Loghum", "Wiley"]
    static let journals = ["Tijdschrift voor Coaching", "Academy of Management Review", "Leadership Quarterly",
                           "Management Learning", "Human Relations", "Gedrag & Organisatie", "Journal of Management Studies",
                           "Consulting Psychology Journal", "Tijdschrift voor Begeleidingskunde", "Organization Studies"]
    static let englishTitleWords = ["identity", "leadership", "work", "learning", "coaching", "practice", "change",
                                    "professional", "development", "reflection", "organizations", "self", "role", "becoming"]

    /// `count` references with distinct keys, deterministic for the random source.
    package static func make(count: Int, random: inout SeededRandom) -> [CorpusReference] {
        let surnamePool = surnames(count: max(12, count / 3), random: &random)
        var used = Set<String>()
        var references: [CorpusReference] = []
        references.reserveCapacity(count)
        var text = DutchText(random: random)
        while references.count < count {
            // Prolific authors: the first part of the pool is drawn from more often.
            let index = text.random.chance(0.3) ? text.random.below(max(1, surnamePool.count / 10)) : text.random.below(surnamePool.count)
            let first = surnamePool[index]
            var year = text.random.int(1965...2024)
            var key = ReferenceKey.fold(first) + String(year)
            var attempts = 0
            while used.contains(key), attempts < 60 {
                year = 1900 + text.random.below(125)
                key = ReferenceKey.fold(first) + String(year)
                attempts += 1
            }
            if used.contains(key) { continue }
            used.insert(key)
            let authorCount = text.random.chance(0.5) ? 1 : text.random.chance(0.6) ? 2 : text.random.int(3...5)
            var names = [first]
            while names.count < authorCount {
                let other = text.random.pick(surnamePool)
                if !names.contains(other) { names.append(other) }
            }
            let initials = names.map { _ in initialsText(random: &text.random) }
            references.append(CorpusReference(key: key, surnames: names, initials: initials, year: year,
                                              entry: entry(surnames: names, initials: initials, year: year, text: &text)))
        }
        random = text.random
        return references
    }

    /// Distinct surnames (distinct when folded, too), some with particles, diacritics or hyphens.
    static func surnames(count: Int, random: inout SeededRandom) -> [String] {
        var result: [String] = []
        var folded = Set<String>()
        func add(_ name: String) {
            let key = ReferenceKey.fold(name)
            guard !key.isEmpty, folded.insert(key).inserted else { return }
            result.append(name)
        }
        for name in foreign where result.count < count { add(name) }
        var misses = 0
        while result.count < count {
            var name = random.pick(starts) + random.pick(ends)
            if misses > 40 { name += random.pick(["-", ""]) + random.pick(starts).lowercased() + random.pick(ends) }
            if random.chance(0.06) { name += "-" + random.pick(starts) + random.pick(ends) }
            if random.chance(0.15) { name = random.pick(particles) + " " + name }
            let before = result.count
            add(name)
            misses = result.count == before ? misses + 1 : 0
        }
        return result
    }

    static func initialsText(random: inout SeededRandom) -> String {
        let letters = Array("ABCDEFGHIJKLMNPRSTVW")
        return (0..<random.int(1...2)).map { _ in "\(random.pick(letters))." }.joined(separator: " ")
    }

    static func authorList(_ surnames: [String], _ initials: [String]) -> String {
        let people = zip(surnames, initials).map { "\($0), \($1)" }
        if people.count == 1 { return people[0] }
        return people.dropLast().joined(separator: ", ") + ", & " + people[people.count - 1]
    }

    static func entry(surnames: [String], initials: [String], year: Int, text: inout DutchText) -> String {
        let authors = authorList(surnames, initials)
        let english = text.random.chance(0.4)
        let title: String
        if english {
            let words = text.random.sample(englishTitleWords, count: text.random.int(3...5))
            title = DutchText.capitalised(words.joined(separator: " ")) + ": " + text.random.pick(["A", "The"]) + " " + text.random.pick(englishTitleWords) + " perspective"
        } else {
            title = text.heading() + ": " + text.nounPhrase()
        }
        switch text.random.below(3) {
        case 0:
            return "\(authors) (\(year)). *\(title)*. \(text.random.pick(publishers))."
        case 1:
            let first = text.random.int(1...400)
            return "\(authors) (\(year)). \(title). *\(text.random.pick(journals))*, \(text.random.int(1...60))(\(text.random.int(1...6))), \(first)–\(first + text.random.int(8...30))."
        default:
            let first = text.random.int(1...300)
            let editor = "\(initialsText(random: &text.random)) \(text.random.pick(starts))\(text.random.pick(ends))"
            return "\(authors) (\(year)). \(title). In \(editor) (Red.), *\(DutchText.capitalised(text.nounPhrase()))* (pp. \(first)–\(first + text.random.int(10...25)))."
                + " \(text.random.pick(publishers))."
        }
    }
}
