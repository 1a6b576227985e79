/// How a page's ``SearchPage`` changed, stem by stem: what ``SearchLayout`` must look at again after an edit.
///
/// A stem is unchanged when the page has it before and after with equal hits, the same forms stem to it, and each of
/// its hits shows the same (the page's title, URL and kind, the hit's anchor and heading, the text of its excerpt):
/// its ranking, number of sections, forms and the files that show it are then those of the last build. Most stems
/// of a one-paragraph edit are unchanged; a page whose title, URL or kind changed changes all of them.
struct SearchPageChange {
    /// The stems that may have changed: in their hits or forms on this page, or in what a hit shows, or that came or went.
    private(set) var stems: Set<String> = []
    /// The stems whose sections on this page changed (or that came or went): those whose ``SectionSet`` changed.
    private(set) var sectionStems: Set<String> = []
    /// The stems the page had and no longer has.
    private(set) var removedStems: [String] = []
    /// The stems the page has and did not have.
    private(set) var addedStems: [String] = []
    /// The forms (with their stems) the page no longer has with that stem.
    private(set) var removedForms: [(form: String, stem: String)] = []
    /// The forms (with their stems) the page now has with that stem.
    private(set) var addedForms: [(form: String, stem: String)] = []

    /// The change from `before` to `after`, two versions of one page.
    init(from before: SearchPage, to after: SearchPage) {
        let header = before.title == after.title && before.url == after.url && before.kind == after.kind
        let sameBlocks = header ? Self.sameShownBlocks(before, after) : []
        let sameHeadings = header ? after.sections.indices.map { $0 < before.sections.count && before.sections[$0].heading == after.sections[$0].heading } : []
        // The stems of both pages, merged in their sorted order.
        var (b, a) = (0, 0)
        while b < before.stems.count || a < after.stems.count {
            if a == after.stems.count || b < before.stems.count && before.stems[b] < after.stems[a] {
                removedStems.append(before.stems[b])
                stems.insert(before.stems[b])
                sectionStems.insert(before.stems[b])
                b += 1
            } else if b == before.stems.count || after.stems[a] < before.stems[b] {
                addedStems.append(after.stems[a])
                stems.insert(after.stems[a])
                sectionStems.insert(after.stems[a])
                a += 1
            } else {
                let (old, new) = (before.hits(at: b), after.hits(at: a))
                let same = header && old.elementsEqual(new) { x, y in
                    x.section == y.section && x.block == y.block && x.offset == y.offset && x.score == y.score
                        && sameBlocks[Int(y.block)] && sameHeadings[Int(y.section)]
                }
                if !same {
                    stems.insert(after.stems[a])
                    if !old.elementsEqual(new, by: { $0.section == $1.section }) { sectionStems.insert(after.stems[a]) }
                }
                (b, a) = (b + 1, a + 1)
            }
        }
        // The forms, compared by their stems' names (the stems' numbers are per page).
        var earlier: [String: String] = [:]
        earlier.reserveCapacity(before.formList.count)
        for form in before.formList { earlier[form.form] = before.stems[Int(form.stem)] }
        for form in after.formList {
            let stem = after.stems[Int(form.stem)]
            let was = earlier.removeValue(forKey: form.form)
            if was == stem { continue }
            addedForms.append((form.form, stem))
            stems.insert(stem)
            if let was {
                removedForms.append((form.form, was))
                stems.insert(was)
            }
        }
        for (form, stem) in earlier {
            removedForms.append((form, stem))
            stems.insert(stem)
        }
    }

    /// For each block of `after`, whether a hit in it shows the same as a hit in the same block of `before`: the same
    /// anchor, and the same text shown (``SearchPage/shownBlock(of:)``: itself, or another block's opening).
    private static func sameShownBlocks(_ before: SearchPage, _ after: SearchPage) -> [Bool] {
        after.blocks.indices.map { number in
            guard number < before.blocks.count, before.blocks[number].anchor == after.blocks[number].anchor else { return false }
            let (old, new) = (before.shownBlock(of: number), after.shownBlock(of: number))
            return (old == number) == (new == number) && before.blocks[old].text == after.blocks[new].text
        }
    }
}
