/// A place in a source file: 1-based line and column, as an editor shows them.
///
/// Columns count characters (Unicode extended grapheme clusters), not bytes,
/// so that `path:line:column` points at the character the author sees.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number.
    public var column: Int

    /// Creates a position; both numbers start at 1.
    public init(line: Int, column: Int) {
        precondition(line >= 1 && column >= 1, "source positions are 1-based")
        self.line = line
        self.column = column
    }

    /// The position of the first character of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The lines a block of markdown spans, as cmark reports them.
package struct SourceRange: Hashable, Sendable {
    /// Where the block starts.
    package var start: SourcePosition
    /// Where the block ends (inclusive).
    package var end: SourcePosition

    /// Creates a range from its two ends.
    package init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A range that covers the first line only; for nodes made by the engine rather than parsed.
    package static let unknown = SourceRange(start: .start, end: .start)
}
