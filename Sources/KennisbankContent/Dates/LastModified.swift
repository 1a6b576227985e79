/// When a content file was last changed, as its repository says: the committer date of the newest commit that
/// touched it (``GitDates``). Never the clock: a file without such a commit has no `LastModified`.
package struct LastModified: Hashable, Sendable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    package var seconds: Int64
    /// The moment as git wrote it, in the committer's own offset (RFC 3339, `2026-11-29T14:03:00+01:00`): the
    /// `datetime` of the page's `<time>`, whose day the page shows.
    package var text: String

    /// A moment from its seconds and its RFC 3339 text, as `git log --format='%ct %cI'` writes them; `nil` when
    /// either is not of that form.
    package init?(seconds: Substring, text: Substring) {
        guard let value = Int64(seconds), text.utf8.count >= 19, Self.month(of: text) != nil else { return nil }
        self.seconds = value
        self.text = String(text)
    }

    /// The start of a day (`YYYY-MM-DD`, a front matter `date`) in UTC, `YYYY-MM-DDT00:00:00Z`; `nil` when `day` is
    /// not of that form.
    package init?(day: String) {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard day.utf8.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let date = parts[2],
              (1...12).contains(month), (1...31).contains(date) else { return nil }
        seconds = Self.days(year: year, month: month, day: date) * 86_400
        text = day + "T00:00:00Z"
    }

    package static func < (lhs: LastModified, rhs: LastModified) -> Bool { lhs.seconds < rhs.seconds }

    /// The moment in UTC, `YYYY-MM-DDThh:mm:ssZ`: what the feed, the sitemap and the e-book's `dcterms:modified`
    /// (which must end in `Z`) write.
    package var utc: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = Self.civil(days: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-\(two(month))-\(two(day))T"
            + "\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// The day in Dutch, in the committer's own offset: "29 november 2026".
    package var dutch: String {
        let bytes = Array(text.utf8)
        let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)) ?? 0
        return "\(day) \(Self.monthNames[Self.month(of: Substring(text))! - 1]) \(String(decoding: bytes[0..<4], as: UTF8.self))"
    }

    /// The Dutch names of the months, January first.
    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                             "oktober", "november", "december"]

    /// The month of a text that starts `YYYY-MM-DD`, or `nil`.
    private static func month(of text: Substring) -> Int? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)), (1...12).contains(month),
              Int(String(decoding: bytes[0..<4], as: UTF8.self)) != nil, Int(String(decoding: bytes[8..<10], as: UTF8.self)) != nil
        else { return nil }
        return month
    }

    /// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a number of days since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
