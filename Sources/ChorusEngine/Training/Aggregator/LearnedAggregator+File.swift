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

    /// The file's text: indented JSON with sorted keys, so two trainings to the same weights are the same bytes.
    public func fileText() -> String {
        JSONValue.object([
            "format": .string(Self.fileFormat),
            "version": .integer(1),
            "name": .string(name),
            "features": .array(featureNames.map(JSONValue.string)),
            "weights": .array(weights.map(JSONValue.double)),
            "means": .array(means.map(JSONValue.double)),
            "scales": .array(scales.map(JSONValue.double)),
            "provenance": .object(provenance.mapValues(JSONValue.string)),
        ]).prettyText + "\n"
    }

    /// Reads a file's text; its features must be the ones this Chorus computes.
    public init(fileText: String) throws(FileError) {
        let fields: [String: JSONValue]
        do {
            guard case .object(let object) = try JSONValue(parsing: fileText) else {
                throw FileError(message: "not a learned aggregator file (not a JSON object)")
            }
            fields = object
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(message: "not a learned aggregator file (\(error))")
        }
        func field<T>(_ name: String, _ read: (JSONValue) -> T?) throws(FileError) -> T {
            guard let value = fields[name], let read = read(value) else {
                throw FileError(
                    message: "not a learned aggregator file (field \"\(name)\" is missing or of the wrong type)")
            }
            return read
        }
        let format = try field("format", \.stringValue)
        let version = try field("version") { $0.numberLiteral.flatMap { Int($0) } }
        let name = try field("name", \.stringValue)
        let features = try field("features") { $0.arrayValue?.compactMapAll(\.stringValue) }
        let weights = try field("weights") { $0.arrayValue?.compactMapAll(\.doubleValue) }
        let means = try field("means") { $0.arrayValue?.compactMapAll(\.doubleValue) }
        let scales = try field("scales") { $0.arrayValue?.compactMapAll(\.doubleValue) }
        let provenance = try field("provenance") { value -> [String: String]? in
            guard case .object(let members) = value else { return nil }
            let strings = members.compactMapValues(\.stringValue)
            return strings.count == members.count ? strings : nil
        }
        guard format == Self.fileFormat else { throw FileError(message: "format is \(format), not \(Self.fileFormat)") }
        guard version == 1 else { throw FileError(message: "version \(version) is newer than this Chorus reads (1)") }
        guard features == ClassFeatures.names else {
            throw FileError(
                message: "its features (\(features.joined(separator: ", "))) are not the ones this Chorus computes")
        }
        let count = features.count
        guard weights.count == count, means.count == count, scales.count == count,
            scales.allSatisfy({ $0 > 0 && $0.isFinite }), weights.allSatisfy(\.isFinite)
        else {
            throw FileError(message: "weights, means and scales must be one finite number per feature (scales > 0)")
        }
        self.init(
            name: name, featureNames: features, weights: weights, means: means, scales: scales, provenance: provenance)
    }
}

extension JSONValue {
    fileprivate var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    fileprivate var numberLiteral: String? {
        if case .number(let literal) = self { literal } else { nil }
    }

    fileprivate var doubleValue: Double? { numberLiteral.flatMap { Double($0) } }

    fileprivate var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }
}

extension Array {
    /// Every element transformed, or nil when any transforms to nil.
    fileprivate func compactMapAll<T>(_ transform: (Element) -> T?) -> [T]? {
        var result: [T] = []
        for element in self {
            guard let value = transform(element) else { return nil }
            result.append(value)
        }
        return result
    }
}
