import Testing

@testable import ChorusEngine

@Suite struct ChorusFoldersTests {
    @Test func dataFollowsXDGThenHome() {
        #expect(ChorusFolders.data(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/h"]) == "/data/chorus")
        #expect(ChorusFolders.data(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/chorus")
        #expect(ChorusFolders.data(environment: ["HOME": "relative"]) == nil)
        #expect(ChorusFolders.data(environment: [:]) == nil)
    }

    @Test func cacheFollowsChorusCacheThenXDGThenHome() {
        #expect(ChorusFolders.cache(environment: ["CHORUS_CACHE": "/c/", "XDG_CACHE_HOME": "/x"]) == "/c")
        #expect(ChorusFolders.cache(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/chorus")
        #expect(ChorusFolders.cache(environment: ["XDG_CACHE_HOME": "x", "HOME": "/h"]) == "/h/.cache/chorus")
    }
}
