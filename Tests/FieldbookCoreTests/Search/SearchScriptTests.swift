import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookModel
@testable import FieldbookRender

/// The real `search.js`, run by Node.js against the example portal, finds what a reader looks for.
@Suite(.enabled(if: SearchScript.node != nil || ProcessInfo.processInfo.environment["CI"] == "true", "needs Node.js (apt install nodejs)"))
struct SearchScriptTests {
    @Test func findsChineseSubstringsEnglishPrefixesAndMixedQueries() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        _ = try Pipeline.build(.init(portal: Repository.root.path, output: folder.path + "/public"))
        let results = try SearchScript.run(public: folder.path + "/public", queries: ["客户拜访", "qualif meddic", "CRM 客户", "ＣＲＭ", "Inês", "xyzzy"])
        #expect(results[0].first == "library/training/key-accounts/account-planning/")  // 重点客户拜访计划
        #expect(results[0].contains("library/playbooks/apac/customer-visits/"))
        #expect(results[1].first == "library/training/discovery/qualifying-with-meddic/")
        #expect(Set(results[2]) == ["library/training/key-accounts/account-planning/", "library/playbooks/apac/customer-visits/"])
        #expect(results[3].contains("library/training/onboarding/crm-basics/"))
        #expect(results[4].first == "reps/ines-costa/")
        #expect(results[5] == [])
    }

    /// Search finds what the results show (a description, tags), and a title match ranks above matches elsewhere.
    @Test func findsDescriptionsAndTagsAndRanksTitlesFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "portal/fieldbook.json": #"{"title": "T"}"#,
            "portal/content/training/a/01-discovery.md": #"{"description": "Raise your win rate with better questions."}"#
                + "\n# Discovery calls\n\nAsk more.\n",
            "portal/content/training/a/02-rate.md": "# Win rate\n\nThe share of closed deals won.\n",
            "portal/content/training/a/03-notes.md": "# Notes\n\n" + String(repeating: "Our win rate and win rate again. ", count: 30) + "\n",
            "portal/content/training/a/04-tagged.md": #"{"tags": ["negotiation"]}"# + "\n# Closing\n\nAsk for the order.\n",
        ])
        _ = try Pipeline.build(.init(portal: folder.path + "/portal", output: folder.path + "/public"))
        let results = try SearchScript.run(public: folder.path + "/public", queries: ["win rate", "negotiation"])
        // rate: 1000 a term (title); notes: 40 (its summary is its opening) + 20 (text, capped) = 60 a term;
        // discovery: 40 a term, from its description alone.
        #expect(results[0] == ["library/training/a/rate/", "library/training/a/notes/", "library/training/a/discovery/"])
        #expect(results[1] == ["library/training/a/tagged/"])
    }
}

enum SearchScript {
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node", "/opt/node/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func run(public folder: String, queries: [String]) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node, "Node.js is not installed"))
        process.arguments = [Repository.fixtures.appendingPathComponent("search-harness.js").path, folder] + queries
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String])
        }
    }
}
