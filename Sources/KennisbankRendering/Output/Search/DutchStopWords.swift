/// The Dutch stop words: the words a query of several words leaves out, since nearly every section holds them
/// ("wat is purpose" looks for "purpose"). A query of stop words alone still looks for them.
///
/// The list is Snowball's Dutch stop list, as published with the Dutch stemmer the index uses
/// (https://snowballstem.org/algorithms/dutch/stop.txt, the words without their comments), folded as
/// ``SearchText`` folds a word (none of them carries a diacritic). It ships to the browser in the files of words
/// (``SearchIndex``), each file the stop words that start with its letters, so the script holds no copy of it.
enum DutchStopWords {
    /// Snowball's Dutch stop list, in its own order.
    static let snowball: [String] = [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op",
        "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men", "dit",
        "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar",
        "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat",
        "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun",
        "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen",
        "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest", "andere",
    ]

    /// The stop words, for look-ups.
    static let all = Set(snowball)

    /// The stop words whose first two letters are `letters` (the file of words they ship in), sorted.
    /// A one-letter stop word ("u") never reaches the index: the script drops one-letter words.
    static func starting(with letters: String) -> [String] {
        byLetters[letters] ?? []
    }

    /// The first two letters of every stop word the index ships: each names a file of words, which the index writes
    /// even when no word of the site starts with them.
    static var letters: Dictionary<String, [String]>.Keys { byLetters.keys }

    private static let byLetters: [String: [String]] =
        Dictionary(grouping: snowball.filter { $0.count > 1 }.sorted(), by: { String($0.prefix(2)) })
}
