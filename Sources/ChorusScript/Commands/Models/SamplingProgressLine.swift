import ChorusEngine
import Synchronization

/// The progress line of a model run on a terminal: samples done, calls and completion tokens (the
/// counts the run's summary line gives), the rate and the time left, and while requests stream, the
/// tokens in flight and the end of the text arriving, dimmed, cut to the terminal's width.
///
/// It is redrawn on every finished request, and as text streams in at most ten times a second, so
/// drawing costs the model nothing measurable.
final class SamplingProgressLine: Sendable {
    /// Seconds between redraws for streamed text.
    static let streamRedrawInterval = 0.1

    private struct State {
        var progress: SamplingProgress?
        /// When the sampler's run reported `progress` started (the line's clock).
        var runStarted = 0.0
        var drawnAt: Double?
    }

    private let output: any OutputSink
    private let clock: any EngineClock
    private let state = Mutex(State())

    /// A line drawn on `output`, timed by `clock`.
    init(output: any OutputSink, clock: any EngineClock) {
        self.output = output
        self.clock = clock
    }

    /// A watch for the run's requests to stream to, redrawing this line as text comes.
    func makeWatch() -> TokenStreamWatch {
        TokenStreamWatch(clock: clock) { [self] watch in textArrived(watch) }
    }

    /// A request finished: redraws at once, with what `live` streams hold.
    func update(_ progress: SamplingProgress, live: TokenStreamWatch.Snapshot = TokenStreamWatch.Snapshot()) {
        let now = clock.now()
        let runStarted = state.withLock { state in
            state.progress = progress
            state.runStarted = now - progress.elapsed
            state.drawnAt = now
            return state.runStarted
        }
        draw(progress, live: live, now: now, runStarted: runStarted)
    }

    /// Streamed text came: redraws unless the line was drawn a moment ago.
    private func textArrived(_ watch: TokenStreamWatch) {
        let now = clock.now()
        let due = state.withLock { state -> (SamplingProgress, Double)? in
            guard let progress = state.progress else { return nil }
            if let drawnAt = state.drawnAt, now - drawnAt < Self.streamRedrawInterval { return nil }
            state.drawnAt = now
            return (progress, state.runStarted)
        }
        // The snapshot (sums over every stream, copies the tail) only for a line that is drawn.
        if let (progress, runStarted) = due { draw(progress, live: watch.snapshot, now: now, runStarted: runStarted) }
    }

    private func draw(_ progress: SamplingProgress, live: TokenStreamWatch.Snapshot, now: Double, runStarted: Double) {
        output.progress(
            Self.render(
                progress, live: live, now: now, runStarted: runStarted, width: output.terminalWidth ?? 80,
                colour: output.usesColour))
    }

    /// `sampling 40/64 (24 from the store) · 12 calls · 2100 tokens · 312 tok/s · ETA 12 s`, then
    /// the end of the streaming text, all within `width - 1` columns (the last is left for the cursor).
    ///
    /// Tokens count what the answered requests recorded and the pieces of text in flight; the rate
    /// runs from the first streamed request of this run (or, unstreamed, from when the model began on
    /// the earliest answered one), so a local engine's start-up is left out.
    static func render(
        _ progress: SamplingProgress, live: TokenStreamWatch.Snapshot = TokenStreamWatch.Snapshot(),
        now: Double = 0, runStarted: Double = 0, width: Int = 80, colour: Bool = false
    ) -> String {
        var line = "sampling \(progress.done)/\(progress.total)"
        if progress.reused > 0 { line += " (\(progress.reused) from the store)" }
        let tokens = progress.completionTokens + live.pieces
        if progress.calls > 0 || live.pieces > 0 {
            line += " · " + Plural.count(progress.calls, "call") + " · \(tokens) tokens"
        }
        var rate = progress.tokensPerSecond
        if live.pieces > 0, let since = live.servingSince, now - max(since, runStarted) > 0 {
            rate = Double(tokens) / (now - max(since, runStarted))
        }
        if let rate { line += " · " + NumberFormatting.fixed(rate, digits: 0) + " tok/s" }
        if let left = progress.secondsLeft { line += " · ETA " + NumberFormatting.duration(seconds: left) }
        let columns = max(10, width - 1)
        if line.count > columns { return String(line.prefix(columns - 1)) + "…" }
        let text = printable(live.tail)
        let room = columns - line.count - 3  // two spaces and an ellipsis
        guard room >= 8, !text.isEmpty else { return line }
        let tail = "…" + text.suffix(room)
        return line + "  " + (colour ? ANSIStyle.dim.apply(to: tail) : tail)
    }

    /// The model's text on one line, with no control or format characters: what a server sends must
    /// never move the cursor, change colours or reorder the line.
    static func printable(_ text: String) -> String {
        var result = ""
        var lastWasSpace = true
        for character in text {
            let isSpace =
                character.isWhitespace
                || character.unicodeScalars.contains {
                    $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                }
            if isSpace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }
}
