import ChorusEngine
import Synchronization
import Testing

@Suite struct LocalEnginesTests {
    @Test func offlineNeverStartsTheLocalEngine() async throws {
        let engines = LocalEngines(environment: ["CHORUS_OFFLINE": "1"])
        let announced = Announced()
        await #expect {
            _ = try await engines.engine("qwen2.5-coder-0.5b-instruct") { name in
                announced.names.withLock { $0.append(name) }
            }
        } throws: { error in
            "\(error)".contains("CHORUS_OFFLINE=1 forbids starting the local engine (qwen2.5-coder-0.5b-instruct)")
        }
        #expect(announced.names.withLock { $0 }.isEmpty)
    }

    @Test func onlyAnOfflineOfOneIsOffline() {
        #expect(LocalEngines(environment: ["CHORUS_OFFLINE": "1"]).isOffline)
        #expect(!LocalEngines(environment: ["CHORUS_OFFLINE": "0"]).isOffline)
        #expect(!LocalEngines(environment: [:]).isOffline)
    }
}

/// The names an engine start was announced for.
private final class Announced: Sendable {
    let names = Mutex<[String]>([])
}
