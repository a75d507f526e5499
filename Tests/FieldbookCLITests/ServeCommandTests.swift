import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch
@testable import FieldbookServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `fieldbook serve`: serves the preview, refuses escapes, rebuilds on a save and tells waiting pages.
@Suite struct ServeCommandTests {
    /// Starts `fieldbook serve` on a port the system picks (`--port 0`) and returns it with the address it printed.
    /// Its standard error is read to the end on another thread, so the server never blocks on a full pipe.
    static func serve(_ arguments: [String]) async throws -> (Process, String) {
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let printed = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread.detachNewThread {
                var text = "", answered = false
                while true {
                    let data = errors.fileHandleForReading.availableData
                    text += String(decoding: data, as: UTF8.self)
                    if !answered, data.isEmpty || text.contains("press Ctrl-C") {
                        answered = true
                        continuation.resume(returning: text)
                    }
                    if data.isEmpty { return }
                }
            }
        }
        let address = try #require(printed.firstMatch(of: /at (http:\/\/127\.0\.0\.1:[0-9]+)\//), "fieldbook serve printed: \(printed)")
        #expect(!address.1.hasSuffix(":0"))
        return (process, String(address.1))
    }

    /// A busy port is one line and a non-zero exit, before any build and before "Serving at".
    @Test func aBusyPortIsOneClearError() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["first/fieldbook.json": "{}", "second/fieldbook.json": "{}", "second/content/training/a/01-x.md": "# X\n"])
        let (first, base) = try await Self.serve([folder.path + "/first"])
        defer { first.terminate() }
        let port = try #require(base.split(separator: ":").last.flatMap { Int($0) })
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["serve", folder.path + "/second", "--port", String(port)]
        let out = Pipe(), errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr == "error: port \(port) is in use; try --port \(port + 1) or --port 0\n")
        #expect(stdout == "")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/second/.fieldbook/serve"))  // nothing was built
    }

    @Test func aHostThatIsNotAnIPv4AddressIsOneClearError() throws {
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["serve", Repository.root.path, "--host", "::1", "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr == "error: cannot listen on ::1:0: ::1 is not an IPv4 address\n")
    }

    @Test func servesRebuildsAndReportsFailures() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "fieldbook.json": "{}", "content/training/a/01-x.md": "# Version one\n", "content/training/a/02-draft.md": "{\"draft\": true}\n# Draft\n",
        ])
        let (process, base) = try await Self.serve([folder.path, "--drafts"])
        defer { process.terminate() }
        func get(_ path: String) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.timeoutInterval = 12
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
        }
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(nanoseconds: 100_000_000)
            ready = (try? await get("/")) != nil
        }
        #expect(ready)
        let (status, page) = try await get("/library/training/a/x/")
        #expect(status == 200)
        #expect(page.contains("<h1>Version one</h1>"))
        #expect(page.contains("/__fieldbook/wait"))
        #expect(try await get("/library/training/a/draft/").0 == 200)  // --drafts
        #expect(try await get("/nowhere/").0 == 404)
        #expect(!(try String(contentsOfFile: folder.path + "/.fieldbook/serve/index.html", encoding: .utf8)).contains("__fieldbook"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public"))

        let version = try #require(Int(try await get("/__fieldbook/wait?v=-1").1.split(separator: ":")[1].split(separator: ",")[0]))
        async let next = get("/__fieldbook/wait?v=\(version)")
        try await Task.sleep(nanoseconds: 200_000_000)
        try folder.write(["content/training/a/01-x.md": "# Version two\n"])
        #expect(try await next.1.hasPrefix("{\"version\":\(version + 1),\"errors\":[]}"))
        #expect(try await get("/library/training/a/x/").1.contains("<h1>Version two</h1>"))

        async let failed = get("/__fieldbook/wait?v=\(version + 1)")
        try await Task.sleep(nanoseconds: 200_000_000)
        try folder.write(["content/training/a/01-x.md": "# Version three\n\n[gone](gone.md)\n"])
        #expect(try await failed.1.contains("content/training/a/01-x.md:3:1: error: broken link"))
        #expect(try await get("/library/training/a/x/").1.contains("<h1>Version two</h1>"))  // the last good portal
    }

    /// Many readers at once while the portal rebuilds: every answer is a whole page of one build.
    @Test func answersCompletePagesUnderLoadWhileRebuilding() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var files = ["fieldbook.json": "{}"]
        for n in 0..<60 {
            files["content/training/a/\(n)-lesson-\(n).md"] = "# Lesson \(n)\n\n" + String(repeating: "Words and more words.\n\n", count: 200)
        }
        try folder.write(files)
        let (process, base) = try await Self.serve([folder.path])
        defer { process.terminate() }
        let url = try #require(URL(string: base + "/library/training/a/lesson-7/"))
        for _ in 0..<100 where (try? await URLSession.shared.data(from: url)) == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        var complete = 0
        for round in 0..<6 {
            try folder.write([
                "content/training/a/7-lesson-7.md": "# Lesson 7, edit \(round)\n\n" + String(repeating: "Changed words.\n\n", count: 300)
            ])
            let pages = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<25 {
                    group.addTask {
                        let (data, response) = try await URLSession.shared.data(from: url)
                        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (status, page) in pages {
                #expect(status == 200)
                #expect(page.hasPrefix("<!doctype html>") && page.hasSuffix("</html>\n"), "a partial page")
                complete += 1
            }
        }
        #expect(complete == 150)
    }
}
