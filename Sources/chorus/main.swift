import ChorusREPL
import Foundation

exit(
    ChorusCommandLine.main(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
