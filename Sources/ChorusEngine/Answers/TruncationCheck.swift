/// Whether a response was cut off before it finished its answer.
///
/// A response is truncated when its finish reason is `length` (the model hit `max_tokens`), or
/// when it ends inside an unclosed `\boxed{` / `\fbox{`, or inside an `<answer>` tag that never
/// closes while the finish reason is not `stop` (a server removes a `</answer>` stop sequence from
/// the text it returns, so a stopped response may lack the closing tag and still be whole). The
/// box and tag scans are the extractor's own (``BoxScanner``, ``AnswerExtractor``), so reading an
/// answer and judging a cut-off one never disagree about where a box or tag ends.
public enum TruncationCheck {
    /// Whether `response`, which finished for `finishReason` (nil when unknown), was cut off.
    public static func isTruncated(_ response: String, finishReason: String?) -> Bool {
        if finishReason == "length" { return true }
        var copy = response
        return copy.withUTF8 { bytes in
            isTruncated(
                finishReason: finishReason, endsInsideBox: BoxScanner(bytes).endsInsideBox,
                endsInsideAnswerTag: AnswerExtractor.lastAnswerTag(bytes).unclosedAtEnd)
        }
    }

    /// Whether the response behind `reading` was cut off: the rule above, without scanning the text again.
    public static func isTruncated(_ reading: AnswerReading, finishReason: String?) -> Bool {
        isTruncated(
            finishReason: finishReason, endsInsideBox: reading.endsInsideBox,
            endsInsideAnswerTag: reading.endsInsideAnswerTag)
    }

    private static func isTruncated(finishReason: String?, endsInsideBox: Bool, endsInsideAnswerTag: Bool) -> Bool {
        finishReason == "length" || endsInsideBox || (finishReason != "stop" && endsInsideAnswerTag)
    }
}
