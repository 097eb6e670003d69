/// A point in a source: character offset plus 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// Characters from the start of the source.
    public let offset: Int
    /// 1-based line number.
    public let line: Int
    /// 1-based column, in characters.
    public let column: Int

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open span of a source, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable {
    /// The first character of the span.
    public let start: SourceLocation
    /// Just past the last character of the span.
    public let end: SourceLocation

    /// Creates a range.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
