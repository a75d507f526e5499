import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookLoad
@testable import FieldbookRender
@testable import FieldbookServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct LiveReloadTests {
    @Test func aBurstOfEventsRebuildsOnce() async throws {
        let count = Counter()
        let debouncer = Debouncer(settle: 0.2) { await count.increment() }
        // An editor's save: several events at once.
        for _ in 0..<10 { debouncer.signal() }
        try await waitFor { await count.value == 1 }
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect(await count.value == 1)
        debouncer.signal()
        try await waitFor { await count.value == 2 }
    }

    /// Waits up to a minute: other tests keep both cores of a CI machine busy, and tasks may start late.
    private func waitFor(_ condition: () async -> Bool) async throws {
        for _ in 0..<600 where !(await condition()) { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(await condition())
    }

    @Test func waitersHearOfTheNextBuildAndItsErrors() async throws {
        let reload = LiveReload()
        let first = String(decoding: await reload.wait(after: -1), as: UTF8.self)
        #expect(first == #"{"version":0,"errors":[]}"#)
        // A generous timeout: under a full parallel test run this task can wait seconds for a thread.
        async let waited = reload.wait(after: 0, timeout: 300)
        try await Task.sleep(nanoseconds: 100_000_000)
        await reload.failed([.error(.init(path: "content/a.md", line: 2, column: 3), "broken \"link\"")])
        #expect(String(decoding: await waited, as: UTF8.self) == #"{"version":1,"errors":["content/a.md:2:3: error: broken \"link\""]}"#)
        let start = Date()
        _ = await reload.wait(after: 1, timeout: 0.3)
        #expect(Date().timeIntervalSince(start) >= 0.3)
    }
}

actor Counter {
    var value = 0
    func increment() { value += 1 }
}
