/// Finds the brace that closes a LaTeX group, counting nesting and skipping escaped braces (`\{`, `\}`).
enum BraceMatcher {
    /// The index of the `}` matching the `{` at `open`, or `nil` when the group never closes.
    static func closingBrace(in bytes: UnsafeBufferPointer<UInt8>, openingAt open: Int) -> Int? {
        var depth = 0
        var k = open
        while k < bytes.count {
            switch bytes[k] {
            case .backslash:
                k += 2
                continue
            case .openBrace:
                depth += 1
            case .closeBrace:
                depth -= 1
                if depth == 0 { return k }
            default:
                break
            }
            k += 1
        }
        return nil
    }
}
