// libFuzzer target `http`: the HTTP response parser, on the bytes a server might send, whole and in pieces.
@testable import ChorusEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzEntryPoints.httpResponse(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
