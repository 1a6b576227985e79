import Foundation
import KennisbankCore

/// Every stem of the site with its best hits, its number of sections and its forms: what the files of the search
/// index are cut from (``SearchIndex``).
///
/// A clean build makes it from all pages. `serve` keeps it between builds and brings it up to date with the pages
/// that changed (``update(to:digests:)``), so that a one-article edit ranks only the stems of that article again, and
/// most of them without looking at any other page: a stem whose best hits hold none of the changed pages keeps them
/// and takes in the changed pages' new hits, since the hits of the pages that did not change cannot move up.
/// Only a stem that loses one of its best hits is ranked again over the pages that hold it. A stem whose hits in the
/// changed pages, their forms and what those hits show are the same (``SearchPageChange``) is not looked at. The result is the
/// layout ``init(pages:digests:)`` makes of the new pages: `SearchLayoutTests` hold the two to each other.
struct SearchLayout: Sendable {
    /// The stems, by stem.
    private(set) var stems: [String: SearchIndex.Stem] = [:]
    /// The pages it was made from, in the index's order, and their digests (``SearchPage/digest``).
    private var pages: [SearchPage]
    private var digests: [Digest]
    /// For each stem, the numbers of the pages that hold it, ascending.
    private var pagesOfStem: [String: [Int]] = [:]
    /// For each stem, each of its forms with the number of pages that have it.
    private var formPages: [String: [String: Int]] = [:]

    /// The layout of `pages`, made from all of them.
    init(pages: [SearchPage], digests: [Digest]) {
        var sets: [String: String]? = nil
        self.init(pages: pages, digests: digests, sectionSets: &sets)
    }

    /// The layout of `pages`, made from all of them; and when `sectionSets` is not `nil`, the ``SectionSet`` of every
    /// stem in more than ``SearchIndex/allHitsUpTo`` sections put in it (what ``sectionSet(of:)`` gives), written in
    /// the same pass from the hits at hand: a stem's earlier pages are looked up only once it passes the limit.
    init(pages: [SearchPage], digests: [Digest], sectionSets: inout [String: String]?) {
        precondition(pages.count == digests.count, "one digest for each page")
        self.pages = pages
        self.digests = digests
        // Every stem's pages and best hits over the site, ranked as the pages come, in order.
        struct Gathered {
            var pages: [Int] = []
            var ranking = SearchIndex.Ranking()
            var set: SectionSet.Builder?

            mutating func add(_ hits: ArraySlice<SearchPage.Hit>, of page: Int, stem: String, in all: [SearchPage], sets: Bool) {
                pages.append(page)
                for hit in hits { ranking.add(hit, page: page) }
                guard sets else { return }
                if set == nil, ranking.total > SearchIndex.allHitsUpTo {
                    var builder = SectionSet.Builder()
                    for earlier in pages.dropLast() { builder.add(page: earlier, sections: all[earlier].hits(of: stem)!.lazy.map { Int($0.section) }) }
                    set = builder
                }
                set?.add(page: page, sections: hits.lazy.map { Int($0.section) })
            }
        }
        var gathered: [String: Gathered] = [:]
        let sets = sectionSets != nil
        for (number, page) in pages.enumerated() {
            for (index, stem) in page.stems.enumerated() {
                gathered[stem, default: Gathered()].add(page.hits(at: index), of: number, stem: stem, in: pages, sets: sets)
            }
            for form in page.formList { formPages[page.stems[Int(form.stem)], default: [:]][form.form, default: 0] += 1 }
        }
        if sets { sectionSets = gathered.compactMapValues { $0.set?.text } }
        pagesOfStem = gathered.mapValues(\.pages)
        stems.reserveCapacity(gathered.count)
        for (stem, stemGathered) in gathered {
            stems[stem] = makeStem(stem, total: stemGathered.ranking.total, best: stemGathered.ranking.best)
        }
    }

    /// Brings the layout up to the pages `pages` with their `digests`: the result is the layout made from them.
    /// Returns the stems that may have changed (in their hits, number of sections or forms, or what a hit of a changed
    /// page shows, or that came or went), the numbers of the pages whose digests changed, and the stems whose sections
    /// changed (``sectionSet(of:)``), or `nil` when the layout was made again from all pages
    /// (pages came or went, which renumbers them).
    @discardableResult
    mutating func update(to pages: [SearchPage], digests: [Digest]) -> (stems: Set<String>, pages: Set<Int>, sections: Set<String>)? {
        precondition(pages.count == digests.count, "one digest for each page")
        let changed = digests.indices.filter { $0 >= self.digests.count || digests[$0] != self.digests[$0] }
        // Pages added or removed renumber the pages after them; many changed pages cost as much to patch as to make.
        guard pages.count == self.pages.count, changed.count <= max(1, pages.count / 8) else {
            self = SearchLayout(pages: pages, digests: digests)
            return nil
        }
        guard !changed.isEmpty else { return ([], [], []) }
        let old = changed.map { self.pages[$0] }
        var affected = Set<String>(), moved = Set<String>()
        for (number, before) in zip(changed, old) {
            let after = pages[number]
            let change = SearchPageChange(from: before, to: after)
            for stem in change.removedStems { remove(number, from: stem) }
            for stem in change.addedStems { insert(number, into: stem) }
            for (form, stem) in change.removedForms { count(form, of: stem, by: -1) }
            for (form, stem) in change.addedForms { count(form, of: stem, by: 1) }
            affected.formUnion(change.stems)
            moved.formUnion(change.sectionStems)
            self.pages[number] = after
            self.digests[number] = digests[number]
        }
        let changedPages = Set(changed)
        for stem in affected {
            guard pagesOfStem[stem] != nil else {
                stems[stem] = nil
                continue
            }
            let kept = stems[stem]
            if let kept, kept.hits.contains(where: { changedPages.contains($0.page) }) {
                // One of its best hits is gone or changed: rank it again over the pages that hold it.
                var all: [(page: Int, hit: SearchPage.Hit)] = []
                for number in pagesOfStem[stem]! { all.append(contentsOf: self.pages[number].hits(of: stem)!.lazy.map { (number, $0) }) }
                stems[stem] = makeStem(stem, total: all.count, best: SearchIndex.best(all))
            } else {
                // Its best hits stay ahead of every other unchanged hit; the changed pages' new hits compete with them,
                // in page order, as in a ranking from scratch.
                var candidates = kept?.hits ?? []
                var total = kept?.total ?? 0
                for (number, before) in zip(changed, old) {
                    total -= before.hits(of: stem)?.count ?? 0
                    let new = pages[number].hits(of: stem) ?? []
                    total += new.count
                    candidates.append(contentsOf: new.lazy.map { (number, $0) })
                }
                candidates.sort { ($0.page, $0.hit.section) < ($1.page, $1.hit.section) }
                stems[stem] = makeStem(stem, total: total, best: SearchIndex.best(candidates))
            }
        }
        return (affected, changedPages, moved)
    }

    /// Every section that holds `stem`, page by page, as ``SectionSet`` writes them (read from the pages' own hits).
    func sectionSet(of stem: String) -> String {
        let numbers = pagesOfStem[stem] ?? []
        return SectionSet.encode(numbers.map { number in
            (number, pages[number].hits(of: stem)!.map { Int($0.section) })
        })
    }

    /// A stem with its forms, as they stand, and the estimated size of its JSON.
    private func makeStem(_ stem: String, total: Int, best: [(page: Int, hit: SearchPage.Hit)]) -> SearchIndex.Stem {
        let forms = (formPages[stem] ?? [:]).keys.sorted()
        // The excerpts are most of a hit's bytes; their size is known only when written, so estimate.
        let carried = total <= SearchIndex.allHitsUpTo ? best.count : min(best.count, SearchIndex.hitsPerStem)
        let bytes = stem.utf8.count + forms.reduce(0) { $0 + $1.utf8.count + 3 } + carried * 180 + 20
        return SearchIndex.Stem(stem: stem, forms: forms, total: total, hits: best, bytes: bytes)
    }

    private mutating func remove(_ page: Int, from stem: String) {
        guard var numbers = pagesOfStem.removeValue(forKey: stem), let index = numbers.firstIndex(of: page) else {
            preconditionFailure("a page that held the stem '\(stem)' is among its pages")
        }
        numbers.remove(at: index)
        if !numbers.isEmpty { pagesOfStem[stem] = numbers }
    }

    private mutating func insert(_ page: Int, into stem: String) {
        var numbers = pagesOfStem.removeValue(forKey: stem) ?? []
        numbers.insert(page, at: numbers.firstIndex { $0 > page } ?? numbers.count)
        pagesOfStem[stem] = numbers
    }

    private mutating func count(_ form: String, of stem: String, by change: Int) {
        let count = (formPages[stem]?[form] ?? 0) + change
        precondition(count >= 0, "a form is counted off only from a page that had it")
        formPages[stem, default: [:]][form] = count == 0 ? nil : count
        if formPages[stem]?.isEmpty == true { formPages[stem] = nil }
    }
}
