import FieldbookTestSupport
import Foundation
import Synchronization
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookWrite

/// Builds killed at random moments, builds racing each other, outputs that cannot be written: the previous portal
/// survives whole, or the new one arrives whole, never a mix.
@Suite(.serialized) struct FaultTests {
    /// A portal whose every page carries `marker` in its title, with enough pages that a build takes a while.
    func writePortal(_ folder: TemporaryFolder, marker: String) throws {
        var files = ["fieldbook.json": "{\"title\": \"\(marker)\"}"]
        for course in 0..<6 {
            for lesson in 0..<40 {
                files["content/training/c\(course)/\(lesson)-lesson-\(lesson).md"] =
                    "# Lesson \(lesson)\n\n" + String(repeating: "Text with **bold** and www.example.com links.\n\n", count: 40)
            }
        }
        try folder.write(files)
    }

    func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// The markers found in the titles of the output's pages.
    func markers(in output: String) throws -> Set<String> {
        var found: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: output)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            let html = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
            if let range = html.range(of: #"· (v\d+)</title>"#, options: .regularExpression) {
                found.insert(String(html[range].dropFirst(2).dropLast("</title>".count)))
            }
        }
        return found
    }

    @Test func aKilledBuildLeavesTheOldPortalOrTheNewOneNeverAMix() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try writePortal(folder, marker: "v0")
        let first = try run(["build", folder.path])
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        var previous: Set<String> = ["v0"]
        for round in 1...12 {
            try folder.write(["fieldbook.json": "{\"title\": \"v\(round)\"}"])
            let build = try run(["build", folder.path])
            usleep(UInt32.random(in: 5_000...250_000))
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let found = try markers(in: folder.path + "/public")
            #expect(found.count == 1, "round \(round): pages from \(found.sorted())")
            #expect(found == previous || found == ["v\(round)"], "round \(round): \(found.sorted())")
            previous = found
        }
        let last = try run(["build", folder.path])
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try markers(in: folder.path + "/public") == ["v12"])
        // Staging folders of killed builds are cleaned up by the next build.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".fieldbook-staging") } == [])
    }

    @Test func buildsStartedTogetherWaitForEachOther() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try writePortal(folder, marker: "v1")
        let builds = try (0..<4).map { _ in try run(["build", folder.path]) }
        for build in builds { build.waitUntilExit() }
        #expect(builds.allSatisfy { $0.terminationStatus == 0 })
        #expect(try markers(in: folder.path + "/public") == ["v1"])
        let reference = try TemporaryFolder()
        defer { reference.cleanUp() }
        _ = try Pipeline.build(BuildOptions(portal: folder.path, output: reference.path + "/public"))
        #expect(try snapshot(of: folder.path + "/public") == snapshot(of: reference.path + "/public"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".fieldbook-staging") } == [])
        // Each build saved a whole cache file over the last; none left a half-written one behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/.fieldbook/cache").filter { $0.hasSuffix(".tmp") } == [])
    }

    @Test func aWriterWaitsWhileAnotherHoldsTheOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let lock = open(folder.path, O_RDONLY)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        let waited = Flag()
        let done = Flag()
        Thread {
            try? SiteWriter(outputPath: folder.path + "/public").write([OutputFile(path: "index.html", bytes: [])], assets: []) { waited.set() }
            done.set()
        }.start()
        usleep(300_000)
        #expect(waited.value)
        #expect(!done.value)
        flock(lock, LOCK_UN)
        for _ in 0..<50 where !done.value { usleep(100_000) }
        #expect(done.value)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/public/index.html"))
    }

    @Test func anUnwritableOutputIsAClearErrorAndTheOldPortalStays() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{}", "content/training/a/01-x.md": "# X\n", "blocked": "a file, not a folder"])
        let process = try run(["build", folder.path, "--output", folder.path + "/blocked/public"])
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let stderr = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.hasPrefix("\(folder.path)/blocked:1:1: error: cannot create the output's parent folder"))
        #expect(try folder.read("blocked") == "a file, not a folder")
    }
}

/// A flag set from another thread.
final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var value: Bool { state.withLock { $0 } }
}
