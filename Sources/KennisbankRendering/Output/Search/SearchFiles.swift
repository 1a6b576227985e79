import Foundation
import KennisbankCore

/// The search index cut into files (``SearchIndex``): the buckets of stems by key and the files of words by their
/// letters, each with the digest of what it shows.
///
/// A clean build cuts it from every stem. `serve` keeps it with the ``SearchLayout`` and, after an edit, cuts again
/// only the groups of the stems that changed: a stem's bucket is found among the keys of its first two letters (its
/// group), so a group is split again from its own stems alone, and a file of words changes only when one of its
/// forms, or the key or number of sections of a stem it names, does. The result is the cut made from every stem:
/// `SearchFilesTests` hold the two to each other.
struct SearchFiles: Sendable {
    /// The stems of each file of stems, by key.
    private(set) var buckets: [String: SearchIndex.Bucket] = [:]
    /// The digest of what each file of stems shows, by key.
    private(set) var bucketDigests: [String: Digest] = [:]
    /// What each file of words holds, by its letters.
    private(set) var words: [String: SearchIndex.Words] = [:]
    /// The digest of what each file of words shows, by its letters.
    private(set) var wordDigests: [String: Digest] = [:]
    /// The keys of each group's buckets, by group (a stem's first two letters).
    private var keysOfGroup: [String: [String]] = [:]
    /// The stems of each group.
    private var stemsOfGroup: [String: Set<String>] = [:]
    /// The stems that have a form in each file of words, by its letters.
    private var stemsOfLetters: [String: Set<String>] = [:]
    /// Each stem as cut, with the key of its bucket.
    private var cut: [String: (stem: SearchIndex.Stem, key: String)] = [:]

    /// The group of a stem or a key: its first two letters.
    static func group(of stem: String) -> String { String(stem.prefix(2)) }

    /// The files of every stem of `layout`, whose pages' hits show `shown` (`nil` when nothing is digested).
    init(_ layout: SearchLayout, shown: [SearchShown]?) {
        update(layout, stems: Set(layout.stems.keys), pages: [], shown: shown)
        for letters in DutchStopWords.letters where words[letters] == nil { setWords(SearchIndex.Words(), letters: letters) }
    }

    /// Cuts again what changed: `changed` holds each stem whose hits, number of sections or forms may differ from
    /// the last cut, or that came or went, in `layout`; `pages` the numbers of the pages whose digests changed;
    /// `shown` what each page's hits show.
    ///
    /// A group is split again only when a stem came or went or its estimated size changed; a file of stems is
    /// digested again only when one of its stems shows something else, or a page whose hit it shows changed; a
    /// file of words is made again only when one of its forms, or a key or number of sections it names, changed.
    mutating func update(_ layout: SearchLayout, stems changed: Set<String>, pages: Set<Int>, shown: [SearchShown]?) {
        var groups = Set<String>(), keys = Set<String>(), letters = Set<String>()
        for name in changed {
            let (old, new) = (cut[name]?.stem, layout.stems[name])
            if let old, let new, old.bytes == new.bytes {
                if !Self.sameShown(old, new) || new.hits.contains(where: { pages.contains($0.page) }) { keys.insert(cut[name]!.key) }
                cut[name]!.stem = new
                if old.forms != new.forms || old.total != new.total {
                    letters.formUnion((old.forms + new.forms).map(SearchIndex.letters))
                    new.forms.forEach { stemsOfLetters[SearchIndex.letters(of: $0), default: []].insert(name) }
                }
                continue
            }
            let group = Self.group(of: name)
            groups.insert(group)
            if new != nil {
                stemsOfGroup[group, default: []].insert(name)
            } else {
                stemsOfGroup[group]?.remove(name)
                if stemsOfGroup[group]?.isEmpty == true { stemsOfGroup[group] = nil }
            }
        }
        // Each group split again from its own stems; a stem whose key changed changes its files of words.
        var made: [(key: String, bucket: SearchIndex.Bucket)] = []
        for group in groups {
            for key in keysOfGroup.removeValue(forKey: group) ?? [] { (buckets[key], bucketDigests[key]) = (nil, nil) }
            let members = stemsOfGroup[group] ?? []
            var split: [String: SearchIndex.Bucket] = [:]
            SearchIndex.split(members.map { layout.stems[$0]! }, length: 2, into: &split)
            let groupKeys = Set(split.keys)
            if !groupKeys.isEmpty { keysOfGroup[group] = Array(groupKeys) }
            made += split.map { ($0.key, $0.value) }
            for name in members {
                let (stem, key) = (layout.stems[name]!, SearchIndex.key(of: name, among: groupKeys)!)
                let old = cut[name]
                if old == nil || old!.key != key || old!.stem.forms != stem.forms || old!.stem.total != stem.total {
                    letters.formUnion(((old?.stem.forms ?? []) + stem.forms).map(SearchIndex.letters))
                }
                stem.forms.forEach { stemsOfLetters[SearchIndex.letters(of: $0), default: []].insert(name) }
                cut[name] = (stem, key)
            }
        }
        // The files of stems whose groups kept their keys, with their stems as they are now.
        for key in keys where buckets[key] != nil && !groups.contains(Self.group(of: key)) {
            made.append((key, SearchIndex.Bucket(stems: buckets[key]!.stems.map { cut[$0.stem]!.stem })))
        }
        // Digested on all cores: a clean build digests every bucket.
        for (entry, digest) in zip(made, made.parallelMap { SearchIndex.digest(of: $0.bucket, shown: shown) }) {
            (buckets[entry.key], bucketDigests[entry.key]) = (entry.bucket, digest)
        }
        // The stems that went: their forms leave their files of words.
        for name in changed where layout.stems[name] == nil {
            guard let old = cut.removeValue(forKey: name) else { continue }
            for form in old.stem.forms {
                letters.insert(SearchIndex.letters(of: form))
                stemsOfLetters[SearchIndex.letters(of: form)]?.remove(name)
            }
        }
        for initials in letters {
            var file = SearchIndex.Words()
            for name in stemsOfLetters[initials] ?? [] {
                guard let entry = cut[name] else { continue }
                let shown = entry.stem.forms.filter { SearchIndex.letters(of: $0) == initials }
                if shown.isEmpty {
                    stemsOfLetters[initials]?.remove(name)
                    continue
                }
                for form in shown { file.forms[form] = name }
                file.stems[name] = (entry.key, entry.stem.total)
            }
            if file.forms.isEmpty { stemsOfLetters[initials] = nil }
            setWords(file, letters: initials)
        }
    }

    /// Files `file` as the file of words of `letters`, or drops it when it names neither a form nor a stop word. A
    /// stop word's letters keep their file though the site has no word that starts with them ("uw"), so that the
    /// browser still leaves that stop word out of a query.
    private mutating func setWords(_ file: SearchIndex.Words, letters: String) {
        if file.forms.isEmpty && DutchStopWords.starting(with: letters).isEmpty {
            (words[letters], wordDigests[letters]) = (nil, nil)
        } else {
            (words[letters], wordDigests[letters]) = (file, SearchIndex.digest(of: file, letters: letters))
        }
    }

    /// Whether two versions of a stem show the same: forms, number of sections and best hits.
    private static func sameShown(_ old: SearchIndex.Stem, _ new: SearchIndex.Stem) -> Bool {
        old.forms == new.forms && old.total == new.total && old.hits.count == new.hits.count
            && zip(old.hits, new.hits).allSatisfy { a, b in
                a.page == b.page && a.hit.section == b.hit.section && a.hit.block == b.hit.block
                    && a.hit.offset == b.hit.offset && a.hit.score == b.hit.score
            }
    }
}
