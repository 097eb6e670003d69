import Testing
import ChorusEngine

@Suite struct AsyncSemaphoreTests {
    @Test func admitsAtMostItsPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 2)
        let counts = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await semaphore.withPermit {
                        await counts.enter()
                        try await Task.sleep(nanoseconds: 5_000_000)
                        await counts.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await counts.most == 2)
    }

    @Test func aCancelledWaiterLeavesAtOnce() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        try await Task.sleep(nanoseconds: 20_000_000)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        await semaphore.release()
        // The permit went back to the pool, not to the cancelled waiter.
        try await semaphore.acquire()
    }
}

private actor Counter {
    private var now = 0
    private(set) var most = 0

    func enter() {
        now += 1
        most = max(most, now)
    }

    func leave() { now -= 1 }
}
