import Foundation

/// The stem of every word form of one build (``DutchStemmer``), each form stemmed once however many pages hold it;
/// shared by the threads that index the pages, and kept by `serve` from one build to the next (``SearchIndex/stemsSlot``). A page asks for all its forms at once, so the lock is taken twice
/// per page, not per word, and the stemming of new forms happens outside it.
package final class StemCache: @unchecked Sendable {
    /// A form with its stem; the strings are shared by every page that has the form.
    struct Entry {
        /// The folded form.
        var form: String
        /// Its stem.
        var stem: String
        /// The stem's number in this cache: two forms have the same stem when they have the same number.
        var stemNumber: Int
    }

    private let lock = NSLock()
    /// The forms stemmed so far, numbered as ``entries``.
    private var forms = FormTable()
    private var entries: [Entry] = []
    /// Each stem's number.
    private var stemNumbers: [String: Int] = [:]

    /// An empty cache.
    package init() {}

    /// The entry of each form of `page`, by the form's number there.
    func entries(of page: FormTable) -> [Entry] {
        var result = [Entry](repeating: Entry(form: "", stem: "", stemNumber: -1), count: page.count)
        var missing: [Int] = []
        lock.withLock {
            for number in 0..<page.count {
                if let known = page.withForm(number, forms.number(of:)) { result[number] = entries[known] } else { missing.append(number) }
            }
        }
        guard !missing.isEmpty else { return result }
        let newForms = missing.map(page.form)
        let stems = DutchStemmer.stems(newForms)
        lock.withLock {
            for (index, number) in missing.enumerated() {
                // Another page may have added the form since the look-up: then its entry stands.
                let (known, inserted) = page.withForm(number) { forms.insert($0) }
                if inserted {
                    let stem = stems[index]
                    let stemNumber = stemNumbers[stem] ?? stemNumbers.count
                    if stemNumber == stemNumbers.count { stemNumbers[stem] = stemNumber }
                    entries.append(Entry(form: newForms[index], stem: stem, stemNumber: stemNumber))
                }
                result[number] = entries[known]
            }
        }
        return result
    }
}
