// libFuzzer target `grader`: answer extraction, the math parser, equivalence and canonical keys.
import ChorusEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzEntryPoints.grade(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
