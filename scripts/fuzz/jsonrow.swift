// libFuzzer target `jsonrow`: the JSON row reader behind `load`, `import`, the store and replay files.
import ChorusEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzEntryPoints.jsonRow(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
