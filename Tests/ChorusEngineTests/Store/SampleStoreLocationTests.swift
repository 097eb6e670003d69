import ChorusEngine
import Testing

@Suite("Sample store location")
struct SampleStoreLocationTests {
    @Test func xdgDataHomeWins() {
        let path = SampleStoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/me"])
        #expect(path == "/data/chorus/samples.sqlite")
    }

    @Test func homeIsTheFallback() {
        #expect(
            SampleStoreLocation.defaultPath(environment: ["HOME": "/home/me"])
                == "/home/me/.local/share/chorus/samples.sqlite")
        #expect(
            SampleStoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/me"])
                == "/home/me/.local/share/chorus/samples.sqlite")
        #expect(
            SampleStoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/me"])
                == "/home/me/.local/share/chorus/samples.sqlite")
    }

    @Test func nothingUsableIsNil() {
        #expect(SampleStoreLocation.defaultPath(environment: [:]) == nil)
    }
}
