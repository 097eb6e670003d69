// libFuzzer target `script`: the lexer, the parser and expression evaluation, with no commands (no I/O).
import ChorusScript
import Dispatch

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await ScriptFuzzEntryPoint.run(bytes)
        done.signal()
    }
    done.wait()
    return 0
}
