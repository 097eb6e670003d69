import ChorusEngine
import Testing

@Suite struct AsyncSemaphoreTests {
    @Test func admitsAtMostItsPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 2)
        let counts = Counter()
        let gate = Gate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await semaphore.withPermit {
                        await counts.enter()
                        await gate.passed()
                        await counts.leave()
                    }
                }
            }
            // Two inside, held at the gate; the other eight queue for a permit.
            while await semaphore.waiting < 8 { await Task.yield() }
            while await counts.now < 2 { await Task.yield() }
            #expect(await counts.most == 2)
            await gate.open()
            try await group.waitForAll()
        }
        #expect(await counts.most == 2)
        #expect(await counts.entered == 10)
        #expect(await semaphore.waiting == 0)
    }

    @Test func aCancelledWaiterLeavesAtOnce() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        while await semaphore.waiting < 1 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await semaphore.waiting == 0)
        await semaphore.release()
        // The permit went back to the pool, not to the cancelled waiter.
        try await semaphore.acquire()
    }
}

private actor Counter {
    private(set) var now = 0
    private(set) var most = 0
    private(set) var entered = 0

    func enter() {
        now += 1
        entered += 1
        most = max(most, now)
    }

    func leave() { now -= 1 }
}

/// Holds every task that reaches it until the test opens it.
private actor Gate {
    private var isOpen = false
    private var held: [CheckedContinuation<Void, Never>] = []

    func passed() async {
        guard !isOpen else { return }
        await withCheckedContinuation { held.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in held { continuation.resume() }
        held.removeAll()
    }
}
