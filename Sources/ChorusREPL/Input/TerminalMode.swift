#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal's settings, saved while a line is read so they can be put back.
///
/// libedit writes the prompt before it takes the terminal out of line mode, so keys typed in
/// between were echoed twice: by the terminal, then by libedit. Turning the terminal's own echo
/// and line mode off before the prompt closes that gap; libedit then sets its own mode as before.
struct TerminalMode {
    private let descriptor: Int32
    private let saved: termios

    /// Turns echo and line mode off on `descriptor` and returns the settings it had; nil when it is
    /// not a terminal or is already out of line mode.
    static func withoutEcho(_ descriptor: Int32) -> TerminalMode? {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 else { return nil }
        var quiet = settings
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(descriptor, TCSANOW, &quiet) == 0 else { return nil }
        return TerminalMode(descriptor: descriptor, saved: settings)
    }

    /// Puts the saved settings back, so output and keys typed while a statement runs behave as usual.
    func restore() {
        var settings = saved
        _ = tcsetattr(descriptor, TCSANOW, &settings)
    }
}
