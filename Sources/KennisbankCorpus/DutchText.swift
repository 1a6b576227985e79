/// A seeded, deterministic generator of Dutch-looking prose: words, clauses, sentences, paragraphs,
/// headings and titles built from a fixed word list, for benchmark corpora.
///
/// The text never contains parentheses, digits, brackets or capitalised words other than the first of
/// a sentence, so nothing in it can be mistaken for a citation, a wikilink or a concept name.
///
/// ```swift
/// var text = DutchText(random: SeededRandom(seed: 1))
/// let paragraph = text.paragraph(sentences: 5)
/// ```
package struct DutchText: Sendable {
    /// The random source; the caller may share it with other generators by taking it back.
    package var random: SeededRandom

    /// Creates a generator drawing from `random`.
    package init(random: SeededRandom) {
        self.random = random
    }

    // Nouns with "de", nouns with "het", plurals: all lowercase.
    static let deNouns = ["leider", "coach", "organisatie", "rol", "vraag", "ervaring", "relatie", "verandering", "spanning",
                          "verantwoordelijkheid", "twijfel", "ontwikkeling", "praktijk", "houding", "context", "cultuur",
                          "keuze", "stem", "grens", "afdeling", "bestuurder", "professional", "opdracht", "overtuiging",
                          "betekenis", "loopbaan", "reflectie", "situatie", "beweging", "aandacht", "waarde", "taal",
                          "gewoonte", "ruimte", "positie", "ambitie", "zorg", "samenwerking", "beslissing", "crisis",
                          "werkelijkheid", "methode", "toekomst", "geschiedenis", "verwachting", "inspiratie", "weerstand"]
    static let hetNouns = ["gesprek", "team", "verhaal", "zelfbeeld", "werk", "ambacht", "vak", "patroon", "perspectief",
                           "vertrouwen", "dilemma", "proces", "kader", "moment", "beeld", "inzicht", "verschil", "doel",
                           "gedrag", "netwerk", "oordeel", "leren", "landschap", "spel", "systeem", "verlangen", "geheel"]
    static let plurals = ["leiders", "coaches", "teams", "mensen", "professionals", "bestuurders", "gesprekken", "verhalen",
                          "patronen", "rollen", "waarden", "vragen", "ervaringen", "relaties", "organisaties", "collega's",
                          "medewerkers", "klanten", "keuzes", "inzichten", "spanningen", "grenzen", "gewoonten"]
    static let adjectives = ["professionele", "eigen", "nieuwe", "oude", "lastige", "morele", "stille", "open", "brede",
                             "diepe", "kleine", "grote", "heldere", "kwetsbare", "sterke", "persoonlijke", "gedeelde",
                             "relationele", "verborgen", "dagelijkse", "langzame", "onzekere", "wezenlijke", "scherpe",
                             "zorgvuldige", "voorzichtige", "eerlijke", "vanzelfsprekende", "gangbare", "innerlijke"]
    static let verbs = ["vraagt", "vormt", "draagt", "opent", "verschuift", "toont", "zoekt", "verbindt", "bevestigt",
                        "betwist", "onderzoekt", "versterkt", "begrenst", "verdiept", "ondermijnt", "verheldert",
                        "ontmoet", "verandert", "bepaalt", "raakt", "beschermt", "benoemt", "herkent", "bevraagt"]
    static let pluralVerbs = ["vragen", "vormen", "dragen", "openen", "zoeken", "verbinden", "onderzoeken", "versterken",
                              "herkennen", "bevragen", "delen", "ontdekken", "vermijden", "verkennen", "benoemen"]
    static let adverbs = ["vaak", "soms", "telkens", "nauwelijks", "juist", "langzaam", "voorzichtig", "opnieuw",
                          "steeds", "zelden", "bewust", "onbedoeld", "stilzwijgend", "uitdrukkelijk", "meestal"]
    static let prepositions = ["in", "met", "tussen", "naast", "binnen", "tegenover", "voorbij", "onder", "rond", "zonder"]
    static let connectives = ["Tegelijk", "Daarom", "Bovendien", "Toch", "Daarnaast", "Zo bezien", "In de praktijk",
                              "Op dat moment", "Juist daar", "Met andere woorden", "Anders gezegd", "Niet zelden"]
    static let reporting = ["laat zien dat", "beschrijft hoe", "stelt dat", "wijst erop dat", "benadrukt dat",
                            "merkt op dat", "betoogt dat", "maakt duidelijk hoe", "onderzoekt hoe"]
    static let pluralReporting = ["laten zien dat", "beschrijven hoe", "stellen dat", "wijzen erop dat", "benadrukken dat",
                                  "merken op dat", "betogen dat", "maken duidelijk hoe", "onderzoeken hoe"]

    /// A noun phrase with its article: `de kwetsbare leider`, `het eigen verhaal`, `mensen`.
    package mutating func nounPhrase() -> String {
        switch random.below(5) {
        case 0: return "de " + random.pick(Self.deNouns)
        case 1: return "het " + random.pick(Self.hetNouns)
        case 2: return "de " + random.pick(Self.adjectives) + " " + random.pick(Self.deNouns)
        case 3: return "het " + random.pick(Self.adjectives) + " " + random.pick(Self.hetNouns)
        default: return random.pick(Self.adjectives) + " " + random.pick(Self.plurals)
        }
    }

    /// A subject with a matching verb and object, lowercase, without a full stop.
    package mutating func clause() -> String {
        let object = nounPhrase()
        if random.below(3) == 0 {
            let subject = random.pick(Self.adjectives) + " " + random.pick(Self.plurals)
            return "\(subject) \(random.pick(Self.pluralVerbs)) \(random.chance(0.4) ? random.pick(Self.adverbs) + " " : "")\(object)"
        }
        let subject = random.chance(0.5) ? "de " + random.pick(Self.deNouns) : "het " + random.pick(Self.hetNouns)
        var text = "\(subject) \(random.pick(Self.verbs)) \(random.chance(0.4) ? random.pick(Self.adverbs) + " " : "")\(object)"
        if random.chance(0.5) { text += " \(random.pick(Self.prepositions)) \(nounPhrase())" }
        return text
    }

    /// A sentence ending in a full stop or question mark, starting with a capital.
    package mutating func sentence() -> String {
        switch random.below(6) {
        case 0: return Self.capitalised("\(random.pick(Self.connectives)) \(clause())") + "."
        case 1: return Self.capitalised(clause()) + ", en " + clause() + "."
        case 2: return Self.capitalised(clause()) + ", terwijl " + clause() + "."
        case 3: return "Wat betekent het wanneer " + clause() + "?"
        case 4: return Self.capitalised(clause()) + " \(random.pick(Self.prepositions)) \(nounPhrase())."
        default: return Self.capitalised(clause()) + "."
        }
    }

    /// A sentence whose subject is `name` (a concept name, lowercase in running text).
    package mutating func sentence(mentioning name: String) -> String {
        switch random.below(3) {
        case 0: return "Wie kijkt naar \(name), ziet dat \(clause())."
        case 1: return "In het licht van \(name) \(random.pick(Self.verbs)) \(nounPhrase()) \(random.pick(Self.prepositions)) \(nounPhrase())."
        default: return Self.capitalised(clause()) + ", juist waar \(name) een rol speelt."
        }
    }

    /// A sentence around a narrative citation (`Kegan (1994) laat zien dat …`); `plural` when it names two or more authors.
    package mutating func sentence(narrativeCitation citation: String, plural: Bool) -> String {
        if random.chance(0.7) {
            return "\(citation) \(random.pick(plural ? Self.pluralReporting : Self.reporting)) \(clause())."
        }
        return "Zoals \(citation) \(plural ? "beschrijven" : "beschrijft"), \(clause())."
    }

    /// A sentence ending in a parenthetical citation: `… in het gesprek (Pont, 2013).`
    package mutating func sentence(parentheticalCitation citation: String) -> String {
        Self.capitalised(clause()) + " " + citation + "."
    }

    /// A paragraph of sentences.
    package mutating func paragraph(sentences count: Int) -> String {
        var sentences: [String] = []
        sentences.reserveCapacity(count)
        for _ in 0..<count { sentences.append(sentence()) }
        return sentences.joined(separator: " ")
    }

    /// A short phrase for a heading or a list item, starting with a capital: `De stille kracht van het gesprek`.
    package mutating func heading() -> String {
        switch random.below(4) {
        case 0: return Self.capitalised("\(nounPhrase()) als \(random.pick(Self.deNouns))")
        case 1: return Self.capitalised("\(nounPhrase()) \(random.pick(Self.prepositions)) \(nounPhrase())")
        case 2: return "Over " + nounPhrase()
        default: return Self.capitalised("van \(random.pick(Self.deNouns)) naar \(random.pick(Self.hetNouns))")
        }
    }

    /// A few words, for emphasis.
    package mutating func phrase() -> String {
        random.chance(0.5) ? nounPhrase() : random.pick(Self.adjectives) + " " + random.pick(Self.hetNouns)
    }

    /// The text with its first letter in upper case.
    package static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
