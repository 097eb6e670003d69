import Synchronization

/// Text as it streams in from a model, for a live progress line.
///
/// Streaming is asked for only while someone watches: a task that sets `TokenStreamWatch.current`
/// (a task-local, so every request the task and its children send sees it) makes an
/// `OpenAICompatibleClient` request `"stream": true` from its servers and report each piece of
/// text here. Nothing stored depends on it: the samples come from the finished stream, as unstreamed.
public final class TokenStreamWatch: Sendable {
    /// The watch requests made by the current task report to; nil (no streaming) unless set.
    @TaskLocal public static var current: TokenStreamWatch?

    /// What the streams in flight have brought so far.
    public struct Snapshot: Sendable, Equatable {
        /// Pieces of text received by requests still in flight (a server sends about one token a piece).
        public var pieces: Int
        /// When the earliest stream was sent (the watch's clock), nil before any: rates run from
        /// here, so a local engine's start-up, which comes before, is left out.
        public var servingSince: Double?
        /// The end of the text of the stream followed (the one in flight that began first).
        public var tail: String

        /// Creates a snapshot.
        public init(pieces: Int = 0, servingSince: Double? = nil, tail: String = "") {
            self.pieces = pieces
            self.servingSince = servingSince
            self.tail = tail
        }
    }

    /// The most characters of text kept for `tail`.
    public static let tailLength = 240

    private struct Stream {
        var pieces = 0
        var tail = ""
    }

    private struct State {
        var streams: [Int: Stream] = [:]
        var nextID = 0
        var followed: Int?
        var servingSince: Double?
    }

    private let state = Mutex(State())
    private let clock: any EngineClock
    private let changed: @Sendable (TokenStreamWatch) -> Void

    /// Creates a watch timing streams by `clock`; `changed` is called with the watch (on the
    /// receiving thread) after every piece of text, and must be quick.
    public init(
        clock: any EngineClock = SystemClock(), changed: @escaping @Sendable (TokenStreamWatch) -> Void = { _ in }
    ) {
        self.clock = clock
        self.changed = changed
    }

    /// What the streams in flight have brought so far.
    public var snapshot: Snapshot {
        state.withLock { state in
            Snapshot(
                pieces: state.streams.values.reduce(0) { $0 + $1.pieces }, servingSince: state.servingSince,
                tail: String((state.followed.flatMap { state.streams[$0]?.tail } ?? "").suffix(Self.tailLength)))
        }
    }

    /// A request is being sent: its number, for `receive` and `end`.
    func begin() -> Int {
        let now = clock.now()
        return state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.streams[id] = Stream()
            state.servingSince = min(state.servingSince ?? now, now)
            if state.followed == nil { state.followed = id }
            return id
        }
    }

    /// Pieces of text arrived for the request `id`.
    func receive(_ pieces: [OpenAIStreamDecoder.Piece], for id: Int) {
        guard !pieces.isEmpty else { return }
        state.withLock { state in
            guard var stream = state.streams[id] else { return }
            stream.pieces += pieces.count
            for piece in pieces { stream.tail += piece.text }
            if stream.tail.utf8.count > 4 * Self.tailLength {
                stream.tail = String(stream.tail.suffix(Self.tailLength))
            }
            state.streams[id] = stream
        }
        changed(self)
    }

    /// The request `id` is over, answered or not: its pieces no longer count as in flight (an answer's
    /// tokens are counted from then on as the sample records them).
    func end(_ id: Int) {
        state.withLock { state in
            state.streams[id] = nil
            if state.followed == id { state.followed = state.streams.keys.min() }
        }
    }
}
