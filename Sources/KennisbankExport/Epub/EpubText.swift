/// Searching in HTML by its UTF-8 bytes: Foundation's `range(of:)` goes through UTF-16 (string breadcrumbs,
/// CFStringFind), which led a profile of the export of 2,000 articles. Replacing is `TextBytes.replacing`.
enum EpubText {
    /// The byte offsets where `needle` starts in `haystack`, left to right, not overlapping.
    static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        precondition(!needle.isEmpty, "a search needs something to search for")
        var found: [Int] = []
        guard haystack.count >= needle.count else { return found }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The value after each `prefix` up to the next `"`, in order (the prefix ending in an attribute's opening quote).
    static func values(after prefix: String, in text: String) -> [String] {
        let bytes = Array(text.utf8), needle = Array(prefix.utf8)
        return offsets(of: needle, in: bytes).map { offset in
            let start = offset + needle.count
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// `text` without every attribute `name="…"` (written with one space before it).
    static func removingAttribute(_ name: String, from text: String) -> String {
        let bytes = Array(text.utf8), needle = Array(" \(name)=\"".utf8)
        let found = offsets(of: needle, in: bytes)
        guard !found.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        for offset in found where offset >= start {
            result += bytes[start..<offset]
            let valueStart = offset + needle.count
            start = (bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count - 1) + 1
        }
        result += bytes[min(start, bytes.count)...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` with each `id` that repeats an earlier one given a number (`x`, `x-2`, `x-3`): a miniature embedded
    /// twice in an article gives two figures of the same anchor, which XHTML does not allow.
    static func uniquingIDs(in text: String) -> String {
        let bytes = Array(text.utf8), needle = Array(" id=\"".utf8)
        let found = offsets(of: needle, in: bytes)
        var seen = Set<String>()
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        for offset in found {
            let valueStart = offset + needle.count
            let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let id = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            var unique = id
            var number = 1
            while !seen.insert(unique).inserted {
                number += 1
                unique = "\(id)-\(number)"
            }
            result += bytes[start..<valueStart]
            result += Array(unique.utf8)
            start = valueEnd
        }
        result += bytes[start...]
        return String(decoding: result, as: UTF8.self)
    }
}
