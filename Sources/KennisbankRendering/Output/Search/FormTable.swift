import Foundation

/// Word forms (short runs of bytes), each numbered in the order it was first inserted, found by their bytes
/// without a `String` being made of them: the search index numbers a page's forms once per word of the page.
struct FormTable {
    /// The forms' bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where each form starts in ``bytes``, and after the last one where it ends.
    private var starts: [Int] = [0]
    /// Each form's hash.
    private var hashes: [UInt64] = []
    /// Open addressing: in each slot a form's number plus one, or 0 when it is empty; a power of two of them,
    /// at most half full.
    private var slots = [Int32](repeating: 0, count: 64)

    /// The number of forms.
    var count: Int { hashes.count }

    /// Calls `body` with the bytes of the form numbered `number`.
    func withForm<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[number]..<starts[number + 1]])) }
    }

    /// The form numbered `number`.
    func form(_ number: Int) -> String {
        withForm(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of `form`, if it was inserted.
    func number(of form: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(form)
        return find(form, hash: hash).number
    }

    /// The number of `form`, inserted as the next number when it is new.
    @discardableResult
    mutating func insert(_ form: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let hash = Self.hash(form)
        var (slot, number) = find(form, hash: hash)
        if let number { return (number, false) }
        if (count + 1) * 2 > slots.count {
            grow()
            slot = find(form, hash: hash).slot
        }
        let new = count
        bytes.append(contentsOf: form)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(new + 1)
        return (new, true)
    }

    /// The slot that holds `form`, with its number, or the empty slot where it would go.
    private func find(_ form: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (slot, nil) }
            if hashes[entry - 1] == hash && withForm(entry - 1, { Self.equal($0, form) }) { return (slot, entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    /// Whether two forms have the same bytes.
    private static func equal(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
    }

    /// Twice the slots, every form placed again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a, then mixed so that the low bits (the slot) depend on every byte.
    private static func hash(_ form: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in form { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
