/// A model call was needed while `CHORUS_OFFLINE=1` forbids starting the local engine.
public struct OfflineError: Error, Sendable, CustomStringConvertible {
    /// The local model that would have been started.
    public let model: String

    /// The message shown to the user.
    public var description: String {
        "the store lacks samples this needs, and CHORUS_OFFLINE=1 forbids starting the local engine (\(model))"
    }
}
