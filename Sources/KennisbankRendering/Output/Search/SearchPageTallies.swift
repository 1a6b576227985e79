extension SearchPage {
    /// The scores of a page's stems, section by section, while its blocks are read: every stem's tallies in one array,
    /// each stem's a list through it, so that a page of a thousand stems does not make an array for each.
    struct Tallies {
        /// A stem's score in one section, with the block its hit links to.
        private struct Tally {
            /// The section.
            var section: Int
            /// The sum of its blocks' scores.
            var score = 0
            /// The block of the excerpt, the best-ranked so far, with its rank and the word's offset in it.
            var bestBlock = 0, bestRank = -1, offset = 0
            /// The stem's next tally, or -1.
            var next = -1
        }

        private var tallies: [Tally] = []
        /// Each stem's first and last tally (-1: none yet).
        private var first: [Int], last: [Int]
        /// Whether the blocks so far came in the order of their sections, so that each stem's list is in that order.
        private var inOrder = true

        /// No tallies yet for `stems` stems.
        init(stems: Int) {
            first = [Int](repeating: -1, count: stems)
            last = first
        }

        /// Adds one block's `score` for `stem` to its tally of `section`, which links to the block when its `rank` is
        /// higher than that of every block of the section before it.
        mutating func add(stem: Int, section: Int, score: Int, rank: Int, block: Int, offset: Int) {
            var index = last[stem]
            if index >= 0 && tallies[index].section != section {
                // The blocks of a page come mostly in the order of their sections: look further only when they do not.
                if tallies[index].section > section { inOrder = false }
                index = -1
                if !inOrder {
                    var candidate = first[stem]
                    while candidate >= 0 && tallies[candidate].section != section { candidate = tallies[candidate].next }
                    index = candidate
                }
            }
            if index < 0 {
                index = tallies.count
                tallies.append(Tally(section: section))
                if last[stem] >= 0 { tallies[last[stem]].next = index } else { first[stem] = index }
                last[stem] = index
            }
            tallies[index].score += score
            if rank > tallies[index].bestRank {
                tallies[index].bestRank = rank
                tallies[index].bestBlock = block
                tallies[index].offset = offset
            }
        }

        /// The number of hits of all stems: one per stem and section.
        var hitCount: Int { tallies.count }

        /// Appends the hits of `stem`, one per section, in the order of sections, to `hits`: straight into the page's
        /// array of all hits, rather than through an array of the stem's own (a page has a thousand stems).
        func appendHits(of stem: Int, to hits: inout [Hit]) {
            let start = hits.count
            var index = first[stem]
            while index >= 0 {
                let tally = tallies[index]
                hits.append(Hit(section: Int32(tally.section), block: Int32(tally.bestBlock), offset: Int32(tally.offset), score: Int32(tally.score)))
                index = tally.next
            }
            if !inOrder { hits[start...].sort { $0.section < $1.section } }
        }
    }
}
