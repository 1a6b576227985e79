/// The aliases a concept's page shows after "Ook:": only those that are other names. An alias that is only a form
/// of the title or of an alias shown before it (a plural such as "identity workspaces" of "Identity workspace",
/// "wordingspraktijken" of "Wordingspraktijk", or a spelling with a space for a hyphen such as "niet weten") stays
/// an alias, so that wikilinks and search find the concept by it, but is not shown as if it were another name.
enum OtherNames {
    /// The aliases of a concept titled `title` that are other names, in their order.
    static func shown(title: String, aliases: [String]) -> [String] {
        var names = [words(of: title)]
        return aliases.filter { alias in
            let alias = words(of: alias)
            guard !names.contains(where: { isForm(alias, of: $0) }) else { return false }
            names.append(alias)
            return true
        }
    }

    /// A name's words, lowercased, a hyphen counting as a space.
    static func words(of name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    }

    /// Whether the words `a` are a form of the words `b`: as many words, each the same or a plural of the other.
    static func isForm(_ a: [String], of b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || isPlural(x, of: y) || isPlural(y, of: x) }
    }

    /// Whether `plural` is a regular Dutch or English plural of `word`: `-s`, `-'s`, `-es`, `-en`, `-n`, `-y` to
    /// `-ies`, a doubled last consonant before `-en` (katten), a final `s` voiced to `zen` (lenzen), or a long vowel
    /// written once before `-en` (jaren).
    static func isPlural(_ plural: String, of word: String) -> Bool {
        guard let last = word.last else { return false }
        var forms = ["s", "'s", "es", "en", "n"].map { word + $0 }
        if last == "y" { forms.append(word.dropLast() + "ies") }
        if last == "s" { forms.append(word.dropLast() + "zen") }
        if !"aeiou".contains(last) { forms.append(word + String(last) + "en") }
        if word.count > 2, let vowel = word.dropLast().last, vowel == word.dropLast(2).last, "aeou".contains(vowel) {
            forms.append(String(word.dropLast(2)) + String(last) + "en")
        }
        return forms.contains(plural)
    }
}
