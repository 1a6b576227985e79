import KennisbankCore

/// One generated concept: a Dutch compound name, its aliases, summary, related concepts and group.
package struct CorpusConcept: Hashable, Sendable {
    /// The file name without `.md`.
    package var slug: String
    /// The title, capitalised (`Leiderschapsruimte`).
    package var title: String
    /// Other names: a plural, sometimes an English variant.
    package var aliases: [String]
    /// The group (`lens`, `houding`, …).
    package var group: String

    /// Every name running text may use, lowercase.
    package var names: [String] { [title.lowercased()] + aliases }
}

/// Generates concept names that are unique, never a prose word, and never part of a surname.
package enum ConceptCorpus {
    static let firsts = ["leiderschaps", "identiteits", "coachings", "leer", "betekenis", "ontwikkelings", "reflectie",
                         "praktijk", "relatie", "verander", "organisatie", "rol", "waarde", "grens", "vertrouwens",
                         "spannings", "dialoog", "verhaal", "wordings", "ambachts"]
    static let seconds = ["ruimte", "arbeid", "kunde", "patroon", "houding", "lens", "vraag", "kader", "proces",
                          "veld", "spiegel", "cirkel", "kompas", "bewustzijn", "vermogen", "dynamiek"]
    static let english = ["space", "work", "skill", "pattern", "stance", "lens", "question", "frame", "process",
                          "field", "mirror", "circle", "compass", "awareness", "capacity", "dynamics"]
    static let englishFirsts = ["leadership", "identity", "coaching", "learning", "meaning", "development", "reflection",
                                "practice", "relational", "change", "organizational", "role", "value", "boundary", "trust",
                                "tension", "dialogue", "narrative", "becoming", "craft"]
    static let prefixes = ["morele", "stille", "gedeelde", "innerlijke", "relationele", "verborgen", "tweede", "open"]
    /// The groups concepts belong to.
    package static let groups = ["lens", "houding", "proces", "context", "kader"]

    /// `count` concepts with distinct names and slugs, in a deterministic order.
    package static func make(count: Int, random: inout SeededRandom) -> [CorpusConcept] {
        var combinations: [(Int, Int, String?)] = []
        for first in firsts.indices { for second in seconds.indices { combinations.append((first, second, nil)) } }
        var ordered = random.sample(combinations, count: combinations.count)
        var prefixed: [(Int, Int, String?)] = []
        for prefix in prefixes { for combination in combinations { prefixed.append((combination.0, combination.1, prefix)) } }
        ordered += random.sample(prefixed, count: prefixed.count)
        var taken = Set<String>()
        var concepts: [CorpusConcept] = []
        var round = 1
        while concepts.count < count {
            for (first, second, prefix) in ordered where concepts.count < count {
                var base = (prefix.map { $0 + " " } ?? "") + firsts[first] + seconds[second]
                if round > 1 { base += " \(ordinal(round))" }
                let plural = base + (base.hasSuffix("e") ? "n" : "en")
                var aliases = [plural]
                if prefix == nil && round == 1 && random.chance(0.3) { aliases.append(englishFirsts[first] + " " + english[second]) }
                guard ([base] + aliases).allSatisfy({ !taken.contains($0) }) else { continue }
                aliases = aliases.filter { taken.insert($0).inserted }
                taken.insert(base)
                concepts.append(CorpusConcept(slug: Slug.make(from: base), title: DutchText.capitalised(base), aliases: aliases,
                                              group: random.pick(groups)))
            }
            round += 1
        }
        return concepts
    }

    private static func ordinal(_ number: Int) -> String {
        ["", "", "bis", "ter", "quater", "quinquies"][min(number, 5)] + (number > 5 ? String(repeating: "i", count: number - 5) : "")
    }
}
