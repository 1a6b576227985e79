/// Every section that holds a stem, as a short text: how a stem in more than ``SearchIndex/allHitsUpTo`` sections
/// ships all of them (``SearchMore``), a few characters a page however many of its sections hold the stem.
///
/// Pages are numbered in the index's order; a page's sections as in ``SearchPage/sections``. The text is a run of
/// numbers, each written in base 64 (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`), five bits a character, lowest first, with
/// 32 added to every character but a number's last. For each page that holds the stem, in order: the page's number
/// less the previous page's (the first page's number plus one), then the set of its sections as a mask, section
/// `s` being bit `s` (for a mask, the characters are the mask's five-bit groups; a page's first section is bit 0 of
/// its first character). A page in which the stem is in sections 0 and 3 after page 4 at page 5 is `BJ`.
package enum SectionSet {
    /// The 64 characters, by value.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The text of `pages`: each page's number, ascending, with the sections of it that hold the stem, ascending.
    package static func encode(_ pages: [(page: Int, sections: [Int])]) -> String {
        var builder = Builder()
        for (page, sections) in pages { builder.add(page: page, sections: sections) }
        return builder.text
    }

    /// A text written page by page, as the pages come.
    struct Builder: Sendable {
        private var bytes: [UInt8] = []
        private var previous = -1

        /// The text so far.
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// Adds the next page, after those added, with its `sections` that hold the stem, ascending (at least one).
        mutating func add(page: Int, sections: some Sequence<Int>) {
            precondition(page > previous, "pages ascending")
            SectionSet.appendNumber(page - previous, to: &bytes)
            previous = page
            SectionSet.appendMask(sections, to: &bytes)
        }
    }

    /// The pages and sections of a text made by ``encode(_:)``.
    package static func decode(_ text: String) -> [(page: Int, sections: [Int])] {
        var values: [Int] = []
        for byte in text.utf8 { values.append(alphabet.firstIndex(of: byte)!) }
        var result: [(page: Int, sections: [Int])] = []
        var index = 0, page = -1
        while index < values.count {
            var delta = 0, shift = 0
            repeat { delta |= (values[index] & 31) << shift; shift += 5; index += 1 } while values[index - 1] >= 32
            page += delta
            var sections: [Int] = [], group = 0
            repeat {
                for bit in 0..<5 where values[index] & (1 << bit) != 0 { sections.append(group * 5 + bit) }
                group += 1; index += 1
            } while values[index - 1] >= 32
            result.append((page, sections))
        }
        return result
    }

    /// A number of five-bit groups, lowest first.
    private static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var rest = number
        while rest >= 32 {
            bytes.append(alphabet[32 | (rest & 31)])
            rest >>= 5
        }
        bytes.append(alphabet[rest])
    }

    /// The mask of ascending `sections`, five sections a character, up to the last that holds one.
    private static func appendMask(_ sections: some Sequence<Int>, to bytes: inout [UInt8]) {
        var group = 0, bits = 0, any = false
        for section in sections {
            any = true
            while section / 5 > group {
                bytes.append(alphabet[32 | bits])
                group += 1
                bits = 0
            }
            bits |= 1 << (section % 5)
        }
        precondition(any, "a page with a section")
        bytes.append(alphabet[bits])
    }
}
