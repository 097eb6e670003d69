#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a standard stream can show: decides colour and progress once, in one place.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether the stream is a terminal.
    public let isTerminal: Bool
    /// Whether ANSI colour may be written to it.
    public let usesColour: Bool

    /// Decides for a file descriptor under an environment.
    ///
    /// Colour only on a terminal, and never with `NO_COLOR` set (to anything)
    /// or `TERM=dumb`; progress bars follow `isTerminal` and `TERM=dumb` too.
    public init(fileDescriptor: Int32, environment: [String: String]) {
        self.init(isTerminal: isatty(fileDescriptor) == 1, environment: environment)
    }

    /// Decides for a stream known to be (or not be) a terminal.
    public init(isTerminal: Bool, environment: [String: String]) {
        let term = environment["TERM"] ?? ""
        let isDumb = term == "dumb"
        self.isTerminal = isTerminal && !isDumb
        self.usesColour = isTerminal && !isDumb && environment["NO_COLOR"] == nil
    }

    /// The width in columns of the terminal on `fileDescriptor`; nil when it is not a terminal or
    /// does not say.
    public static func width(ofTerminal fileDescriptor: Int32) -> Int? {
        guard isatty(fileDescriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
