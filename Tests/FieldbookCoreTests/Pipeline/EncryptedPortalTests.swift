import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookSeal

/// `access.mode: "encrypted"` end to end: the example portal and the Maven CRM export, built encrypted, leak no rep's
/// figure in plaintext; each reader opens what the policy allows; builds are reproducible from the keys file.
@Suite struct EncryptedPortalTests {
    static let access = #"{"mode": "encrypted", "admins": ["ops"]}"#

    /// The example portal, encrypted with `ring`, built in memory.
    static func example(_ ring: KeyRing) throws -> RenderedPortal {
        var files: [String: String] = [:]
        for folder in ["content", "templates"] {
            for path in try DiskFileSystem().files(under: Repository.root.path + "/" + folder) {
                files[folder + "/" + path] = try String(contentsOfFile: Repository.root.path + "/" + folder + "/" + path, encoding: .utf8)
            }
        }
        var config = try String(contentsOfFile: Repository.root.path + "/fieldbook.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\n}", with: ",\n  \"access\": \(access)\n}")
        files["fieldbook.json"] = config
        return Pipeline.render(BuildOptions(portal: "", keys: String(decoding: ring.fileBytes, as: UTF8.self)), fileSystem: MemoryFileSystem(files))
    }

    static func ring(_ readers: [String]) -> KeyRing { KeyRing.random().adding(readers).ring }
    static let exampleReaders = [
        "ines-costa", "jonas-weber", "sofie-lind", "amara-okafor", "wang-wei", "chen-jing", "priya-nair", "liam-walsh", "marcus-reed", "emily-chen",
        "carlos-diaz", "hannah-brooks", "tomas-ribeiro", "li-na", "dana-whitfield", "ops",
    ]

    @Test func eachReaderOpensWhatThePolicyAllowsAndTheFiguresAreNowhereElse() throws {
        let ring = Self.ring(Self.exampleReaders)
        let portal = try Self.example(ring)
        #expect(!portal.diagnostics.hasErrors, "\(portal.messages)")
        func open(_ path: String, as reader: String) throws -> String? {
            let text = try #require(portal.page(path), "no \(path)")
            let envelope = text.hasPrefix("{") ? String(text.dropLast()) : try #require(Self.envelope(in: text))
            return Sealer.open(Array(envelope.utf8), readerKey: try #require(ring.readers[reader])).map { String(decoding: $0, as: UTF8.self) }
        }
        // Inês's scorecard: hers, her manager Tomás's (who leads EMEA), the admin's; not Jonas's, not Li's.
        let scorecard = try #require(try open("reps/ines-costa/index.html", as: "ines-costa"))
        #expect(scorecard.contains("<h1>Inês Costa</h1>") || scorecard.contains("Inês Costa</h1>"))
        #expect(try open("reps/ines-costa/index.html", as: "tomas-ribeiro") == scorecard)
        #expect(try open("reps/ines-costa/index.html", as: "ops") == scorecard)
        #expect(try open("reps/ines-costa/index.html", as: "jonas-weber") == nil)
        #expect(try open("reps/ines-costa/index.html", as: "li-na") == nil)
        let api = try #require(try open("api/reps/ines-costa.json", as: "ines-costa"))
        #expect(api.contains(#""id": "ines-costa""#))
        // The locked page says nothing of whose it is.
        let shell = try #require(portal.page("reps/ines-costa/index.html"))
        #expect(!shell.contains("Inês") && !shell.contains("ines-costa") && shell.contains("<title>Private page · "))
        #expect(portal.page("api/reps.csv") == nil)
        #expect(try #require(portal.page("sitemap.xml")).contains("/library/") && !(try #require(portal.page("sitemap.xml")).contains("/reps/")))
        #expect(Self.leaks(portal, ring: ring, reps: try Self.reps(portal, ring: ring)) == [])
    }

    @Test func theTeamsPagesCarryAggregatesOnly() throws {
        let portal = try Self.example(Self.ring(Self.exampleReaders))
        let home = try #require(portal.page("index.html"))
        #expect(home.contains("own figures are on private pages"))
        #expect(!home.contains("leaders-title") && !home.contains("risk-title") && !home.contains("wins-title"))
        #expect(home.contains("region-table"))
    }

    @Test func twoBuildsWithTheSameKeysAreByteIdentical() throws {
        let ring = Self.ring(Self.exampleReaders)
        let a = try Self.example(ring), b = try Self.example(ring)
        #expect(a.files.count == b.files.count && a.files.count > 500)
        let differing = zip(a.files, b.files).filter { $0.path != $1.path || $0.bytes != $1.bytes }.map(\.0.path)
        #expect(differing == [])
        // Another keys file: every private file differs, every open one is the same.
        let c = try Self.example(Self.ring(Self.exampleReaders))
        let changed = zip(a.files, c.files).filter { $0.bytes != $1.bytes }.map(\.0.path)
        #expect(changed.contains("reps/ines-costa/index.html") && changed.contains("api/reps/ines-costa.json"))
        #expect(!changed.contains { $0.hasPrefix("library/") || $0 == "index.html" || $0 == "api/team.json" })
    }

    @Test(.enabled(if: MavenCRM.isAvailable, "needs ../shared/datasets/maven-crm beside the repository"))
    func theMavenExportEncryptedLeaksNoRepsFigure() throws {
        let plain = try MavenCRM.build()
        let teamJSON = try MavenCRM.teamJSON()
        let team = try #require(DataLoader().load(["team.json": Array(teamJSON.utf8)]).0?.team)
        let ring = Self.ring(team.reps.map(\.id) + team.managers.map(\.id) + ["ops"])
        let portal = try MavenCRM.build(access: Self.access, keys: ring)
        #expect(!portal.diagnostics.hasErrors, "\(portal.messages)")
        let reps = try Self.reps(portal, ring: ring)
        #expect(reps.count == team.reps.count && reps.count > 30)
        // What the open build shows of a rep, the encrypted one shows its readers only.
        for rep in reps.prefix(5) {
            let sealed = try #require(portal.page("api/reps/\(rep.id).json"))
            let key = try #require(ring.readers[rep.id])
            let open = try #require(plain.page("api/reps/\(rep.id).json"))
            #expect(Sealer.open(Array(sealed.utf8.dropLast()), readerKey: key) == Array(open.utf8))
        }
        #expect(Self.leaks(portal, ring: ring, reps: reps) == [])
        // The scan finds what it looks for: the open build leaks every rep by design.
        #expect(Self.leaks(plain, ring: ring, reps: reps).count >= reps.count)
    }

    /// The envelope inside a sealed page.
    static func envelope(in page: String) -> String? {
        guard let start = page.range(of: #"<script type="application/json" id="fieldbook-sealed">"#),
            let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex)
        else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// Every rep with their name and money figures (revenue, average deal size, pipelines), from their API file
    /// opened with their own key.
    static func reps(_ portal: RenderedPortal, ring: KeyRing) throws -> [(id: String, name: String, money: [Double])] {
        try portal.files.filter { $0.path.hasPrefix("api/reps/") && $0.path.hasSuffix(".json") }.map { file in
            let id = String(file.path.dropFirst("api/reps/".count).dropLast(".json".count))
            let key = try #require(ring.readers[id])
            let plain = try #require(Sealer.open(Array(file.bytes.dropLast()), readerKey: key), "\(id) cannot open their file")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(plain)) as? [String: Any])
            let money = (object["periods"] as? [[String: Any]] ?? []).flatMap { period in
                // NSNumber: on Linux a whole number does not cast to Double.
                ["revenue", "avg_deal_size", "pipeline", "weighted_pipeline"].compactMap { (period[$0] as? NSNumber)?.doubleValue }
            }
            return (id, try #require(object["name"] as? String), money)
        }
    }

    /// What the output shows in plaintext of a rep's own figures: any money figure of theirs of $1,000 or more, as
    /// pages write money ("$208,000") or as the API writes numbers (": 208000.5"), rounded to whole units, that no open
    /// aggregate (the team's, a region's) shares; and their name within 300 bytes of any of their figures. Each file is
    /// scanned once for its figures, so the scan stays linear in the output.
    static func leaks(_ portal: RenderedPortal, ring: KeyRing, reps: [(id: String, name: String, money: [Double])]) -> [String] {
        let open = portal.files.filter { !$0.bytes.starts(with: Array(#"{"sealed""#.utf8)) }
        var aggregates: Set<Int> = []
        for file in open where file.path == "api/team.json" || file.path.hasPrefix("api/regions/") {
            let object = (try? JSONSerialization.jsonObject(with: Data(file.bytes))) as? [String: Any]
            for period in object?["periods"] as? [[String: Any]] ?? [] {
                // NSNumber: on Linux a whole number does not cast to Double.
                for case let value as NSNumber in period.values { aggregates.insert(Int(value.doubleValue.rounded())) }
            }
        }
        let scanned = open.map { (path: $0.path, bytes: $0.bytes, figures: figures(in: $0.bytes)) }
        var leaks: [String] = []
        for rep in reps {
            let own = Set(rep.money.filter { $0 >= 1000 }.map { Int($0.rounded()) }).subtracting(aggregates)
            let name = Data(rep.name.utf8)
            for file in scanned {
                leaks += file.figures.filter { own.contains($0.value) }.map { "\(rep.id): \($0.text) in \(file.path)" }
                let data = Data(file.bytes)
                var from = data.startIndex
                while let found = data.range(of: name, in: from..<data.endIndex) {
                    let near = file.figures.filter { abs($0.offset - found.lowerBound) <= 300 && own.contains($0.value) }
                    leaks += near.map { "\(rep.name) beside \($0.text) in \(file.path)" }
                    from = found.upperBound
                }
            }
        }
        return leaks
    }

    /// The figures in a file: `$` then digits and commas, or `: ` then a JSON number, each with its byte offset and its
    /// value rounded to a whole number.
    static func figures(in bytes: [UInt8]) -> [(offset: Int, text: String, value: Int)] {
        var found: [(Int, String, Int)] = []
        var index = 0
        while index < bytes.count {
            let money = bytes[index] == UInt8(ascii: "$")
            let prefix = money ? 1 : (bytes[index] == UInt8(ascii: ":") && index + 1 < bytes.count && bytes[index + 1] == 0x20 ? 2 : 0)
            guard prefix > 0 else {
                index += 1
                continue
            }
            var end = index + prefix
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: money ? "," : ".") { end += 1 }
            let digits = String(decoding: bytes[(index + prefix)..<end], as: UTF8.self).replacingOccurrences(of: ",", with: "")
            if let value = Double(digits) {
                found.append((index, String(decoding: bytes[index..<end], as: UTF8.self), Int(value.rounded())))
            }
            index = max(end, index + 1)
        }
        return found
    }
}
