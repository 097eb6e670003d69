import Foundation

/// The inputs under `Tests/Fixtures/fuzz/<target>/`: each once crashed or hung a fuzz target, and the suite
/// replays them through the same entry point the fuzzer calls.
public enum FuzzRegressionInputs {
    /// The stored inputs of one target, by file name, in name order.
    public static func inputs(of target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }
}
