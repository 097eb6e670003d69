extension Grader {
    /// Grades `response` knowing how it finished: a cut-off response (see ``TruncationCheck``) is
    /// `.truncated` under ``TruncationPolicy/separate``, and graded as usual under `.grade`.
    public func grade(
        response: String, gold: GoldAnswer, finishReason: String?, truncation: TruncationPolicy
    ) -> Grade {
        let reading = extractor.read(response)
        if truncation == .separate, TruncationCheck.isTruncated(reading, finishReason: finishReason) {
            return Grade(extracted: reading.answer, bucket: .truncated)
        }
        return grade(extracted: reading.answer, gold: gold)
    }
}
