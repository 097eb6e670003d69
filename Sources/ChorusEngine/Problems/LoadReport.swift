/// What loading a data file produced: the dataset, and every row left out with its reason.
public struct LoadReport: Sendable, Equatable {
    /// The problems that loaded.
    public var dataset: Dataset
    /// The format the rows were read in, given or detected.
    public var format: DatasetFormat
    /// Rows skipped under `skipInvalid`, in file order.
    public var skipped: [SkippedRow]

    /// Creates a report.
    public init(dataset: Dataset, format: DatasetFormat, skipped: [SkippedRow]) {
        self.dataset = dataset
        self.format = format
        self.skipped = skipped
    }

    /// One line: `data: 98 problems (source: gsm8k); 2 rows skipped`.
    public var summary: String {
        guard !skipped.isEmpty else { return dataset.summary }
        return dataset.summary + "; \(skipped.count) " + (skipped.count == 1 ? "row skipped" : "rows skipped")
    }
}

/// A row left out of a dataset, and why.
public struct SkippedRow: Sendable, Equatable, Hashable {
    /// The 1-based line where the row starts.
    public var line: Int
    /// What was wrong with it.
    public var reason: DatasetLoadError.Reason

    /// Creates a skipped-row record.
    public init(line: Int, reason: DatasetLoadError.Reason) {
        self.line = line
        self.reason = reason
    }
}
