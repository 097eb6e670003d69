import Foundation

/// A learned aggregator as a JSON file: the format's name and version, the features, the weights
/// and the standardisation, and how it was trained.
extension LearnedAggregator {
    /// The `format` field of every file.
    public static let fileFormat = "chorus-learned-aggregator"

    /// Why a file is not a learned aggregator this Chorus can use.
    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public let message: String
        /// The message shown to the user.
        public var description: String { message }
    }

    private struct Stored: Codable {
        var format: String
        var version: Int
        var name: String
        var features: [String]
        var weights: [Double]
        var means: [Double]
        var scales: [Double]
        var provenance: [String: String]
    }

    /// The file's text: pretty JSON with sorted keys, so two trainings to the same weights are the same bytes.
    public func fileText() -> String {
        let stored = Stored(
            format: Self.fileFormat, version: 1, name: name, features: featureNames, weights: weights, means: means,
            scales: scales, provenance: provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(stored)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a file's text; its features must be the ones this Chorus computes.
    public init(fileText: String) throws(FileError) {
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: Data(fileText.utf8))
        } catch {
            throw FileError(message: "not a learned aggregator file (\(error))")
        }
        guard stored.format == Self.fileFormat else { throw FileError(message: "format is \(stored.format), not \(Self.fileFormat)") }
        guard stored.version == 1 else { throw FileError(message: "version \(stored.version) is newer than this Chorus reads (1)") }
        guard stored.features == ClassFeatures.names else {
            throw FileError(message: "its features (\(stored.features.joined(separator: ", "))) are not the ones this Chorus computes")
        }
        let count = stored.features.count
        guard stored.weights.count == count, stored.means.count == count, stored.scales.count == count,
            stored.scales.allSatisfy({ $0 > 0 && $0.isFinite }), stored.weights.allSatisfy(\.isFinite)
        else { throw FileError(message: "weights, means and scales must be one finite number per feature (scales > 0)") }
        self.init(
            name: stored.name, featureNames: stored.features, weights: stored.weights, means: stored.means,
            scales: stored.scales, provenance: stored.provenance)
    }
}
