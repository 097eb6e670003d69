extension Grader {
    /// Grades `response` knowing how it finished: a cut-off response (see ``TruncationCheck``) is
    /// `.truncated` under ``TruncationPolicy/separate``, and graded as usual under `.grade`.
    public func grade(
        response: String, gold: GoldAnswer, finishReason: String?, truncation: TruncationPolicy
    ) -> Grade {
        if truncation == .separate, TruncationCheck.isTruncated(response, finishReason: finishReason) {
            return Grade(extracted: extractor.extract(from: response), bucket: .truncated)
        }
        return grade(response: response, gold: gold)
    }
}
