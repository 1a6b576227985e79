import KennisbankCore

/// Reads the fields of one file (``FrontMatter``) and keeps every problem, rather than stopping at the first: an author who wrote
/// `tags: 7` and `series: -3` hears of both at once.
struct FieldReader {
    /// The problems found so far, in the order the fields were read.
    private(set) var problems: [Diagnostic] = []

    /// The field `key` as `read` reads it, or `fallback` when it throws, whose diagnostic is kept in ``problems``.
    mutating func callAsFunction<Value>(_ read: (String) throws(Diagnostic) -> Value, _ key: String, or fallback: Value) -> Value {
        self(fallback) { () throws(Diagnostic) -> Value in try read(key) }
    }

    /// The value `read` gives, or `fallback` when it throws, whose diagnostic is kept in ``problems``.
    mutating func callAsFunction<Value>(_ fallback: Value, _ read: () throws(Diagnostic) -> Value) -> Value {
        do { return try read() } catch {
            problems.append(error)
            return fallback
        }
    }

    /// The value `read` gives, keeping every problem it adds to its list: a field with several problems of its own
    /// (the `relations:` map) reports them all.
    mutating func collecting<Value>(_ read: (inout [Diagnostic]) -> Value) -> Value {
        read(&problems)
    }
}
