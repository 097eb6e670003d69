/// The base URLs serving one model: hands them out round-robin, rests those that failed, and
/// remembers which ones ignore `n > 1`.
///
/// An endpoint that fails with a connection error or a 5xx is out for a cool-down. When every
/// endpoint is out, the one due back soonest is tried anyway: retries are what pace those tries,
/// and a request fails (naming the last endpoint) only when its attempts run out.
actor EndpointPool {
    private let count: Int
    private let cooldown: Double
    private let clock: any EngineClock
    private var next = 0
    private var outUntil: [Double]
    private var fansOut: [Bool]

    /// Creates a pool of `count` endpoints, each out for `cooldown` seconds after a failure.
    init(count: Int, cooldown: Double, clock: any EngineClock) {
        self.count = count
        self.cooldown = cooldown
        self.clock = clock
        outUntil = Array(repeating: -Double.infinity, count: count)
        fansOut = Array(repeating: false, count: count)
    }

    /// The endpoint for the next try; for a native `n > 1` request only endpoints not known to fan
    /// out qualify, and nil means every endpoint fans out.
    func choose(nativeMany: Bool) -> Int? {
        let candidates = (0..<count).map { (next + $0) % count }.filter { !nativeMany || !fansOut[$0] }
        guard !candidates.isEmpty else { return nil }
        let now = clock.now()
        let chosen = candidates.first { outUntil[$0] <= now } ?? candidates.min { outUntil[$0] < outUntil[$1] }!
        next = (chosen + 1) % count
        return chosen
    }

    /// Takes an endpoint out for the cool-down.
    func markFailed(_ endpoint: Int) {
        outUntil[endpoint] = clock.now() + cooldown
    }

    /// Puts an endpoint back at once: it just answered.
    func markHealthy(_ endpoint: Int) {
        outUntil[endpoint] = -Double.infinity
    }

    /// Remembers that an endpoint answered `n > 1` with fewer choices, so requests to it fan out.
    func markFansOut(_ endpoint: Int) {
        fansOut[endpoint] = true
    }

    /// Whether an endpoint is known to ignore `n > 1`.
    func isFanningOut(_ endpoint: Int) -> Bool {
        fansOut[endpoint]
    }

    /// Whether an endpoint is resting after a failure.
    func isOut(_ endpoint: Int) -> Bool {
        outUntil[endpoint] > clock.now()
    }
}
