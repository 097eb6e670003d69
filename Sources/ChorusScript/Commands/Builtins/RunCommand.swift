import Foundation

/// `run`: runs a script file's statements in this session.
struct RunCommand: Command {
    static let maximumDepth = 16
    static let path = ParameterKey<String>.positional("path", "the script to run", type: .path)

    let signature = CommandSignature(
        name: "run", group: .session, summary: "Runs a script file in this session.",
        parameters: [Self.path],
        discussion: """
            Runs each statement of the file as if typed here, showing it behind \
            its prompt before its output (as `chorus run --echo` does): its \
            variables stay in the session, and each successful statement joins \
            the transcript that `save` writes. A failed statement is reported \
            and the rest runs on.
            """,
        examples: ["run \"tutorials/00-hello.chorus\""], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation[Self.path]
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw invocation.error(
                "cannot read \(Value.quote(path)): \(FileErrors.reason(for: path))", at: Self.path,
                hint: "paths are relative to \(FileManager.default.currentDirectoryPath)")
        }
        let session = invocation.session
        try await session.enterScript(
            path, maximumDepth: Self.maximumDepth,
            cycle: {
                invocation.error("\(Value.quote(path)) runs itself (directly or through other scripts)", at: Self.path)
            },
            tooDeep: {
                invocation.error("scripts run other scripts more than \(Self.maximumDepth) deep", at: Self.path)
            })
        let report = await session.executeEchoing(SourceFile(name: path, text: text))
        await session.leaveScript(merging: report)
        if report.wasInterrupted { throw CancellationError() }
        return .none
    }
}

extension Session {
    /// Notes that a script starts running; refuses a script that is already running.
    func enterScript(_ path: String, maximumDepth: Int, cycle: () -> Diagnostic, tooDeep: () -> Diagnostic) throws {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        if scriptStack.contains(resolved) { throw cycle() }
        if scriptStack.count >= maximumDepth { throw tooDeep() }
        scriptStack.append(resolved)
    }

    /// Runs a script's statements inside the current one, each shown behind its prompt first.
    func executeEchoing(_ source: SourceFile) async -> Report {
        let saved = options
        options.echoesStatements = true
        defer { options = saved }
        return await executeNested(source)
    }

    /// Notes that the innermost script finished; its statements count in the caller's report.
    func leaveScript(merging report: Report) {
        _ = scriptStack.popLast()
        nestedReport.add(report)
    }
}
