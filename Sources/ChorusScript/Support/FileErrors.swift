import Foundation

/// Plain reasons why a file could not be read or written.
enum FileErrors {
    /// The `overwrite:` parameter of the commands that write a file.
    static let overwrite = ParameterKey<Bool>.named("overwrite", "replace an existing file", default: false)
    /// The file a writing command (`save`, `export`) takes first; it goes with `overwrite`.
    static let target = ParameterKey<String>.positional("path", "the file to write", type: .path)

    /// The `target` path of a writing command, once `refuseOverwrite` lets it be written.
    static func writableTarget(_ invocation: Invocation) throws -> String {
        let path = invocation[target]
        try refuseOverwrite(of: path, invocation, at: target)
        return path
    }

    /// Why `path` is not usable, as a short phrase.
    static func reason(for path: String) -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a folder" }
            if !manager.isReadableFile(atPath: path) { return "permission denied" }
            return "it is not valid UTF-8 text, or cannot be written"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !manager.fileExists(atPath: folder) { return "the folder \(folder) does not exist" }
        return "no such file"
    }

    /// Refuses to replace an existing file unless the command's `overwrite:` argument is true; the
    /// error points at `argument`, the parameter that named the file. A file that is not there yet
    /// is noted as the statement's own (``CreatedFiles``), so its replay may replace it.
    static func refuseOverwrite(
        of path: String, _ invocation: Invocation, at argument: some ParameterNaming,
        overwrite: ParameterKey<Bool> = overwrite
    ) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            // The file is this statement's own output: its replay may replace it.
            if !invocation[overwrite] { invocation.session.createdFiles.note(invocation, overwrite: overwrite) }
            return
        }
        guard !invocation[overwrite] else { return }
        throw invocation.error(
            "\(Value.quote(path)) already exists", at: argument,
            hint: "pass `overwrite: true` to replace it, or choose another name")
    }
}
