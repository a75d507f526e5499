import Foundation
import Testing

@testable import FieldbookModel
@testable import FieldbookSeal

@Suite struct SealerTests {
    let team = Team(
        regions: [Region(id: "emea", name: "EMEA", manager: "tomas")], managers: [Manager(id: "tomas", name: "Tomás", region: "emea")],
        reps: [Rep(id: "ana", name: "Ana", region: "emea"), Rep(id: "ben", name: "Ben", region: "emea")])

    func sealer(_ ring: KeyRing) -> Sealer {
        var settings = AccessSettings()
        settings.mode = .encrypted
        var sealer = Sealer(policy: AccessPolicy(team: team, settings: settings), ring: ring)
        sealer.shell = .init(prefix: Array("<html><script type=\"application/json\">".utf8), suffix: Array("</script></html>".utf8))
        return sealer
    }

    func ring() -> KeyRing { KeyRing.random().adding(["ana", "ben", "tomas"]).ring }

    func envelope(of file: OutputFile?) throws -> [UInt8] {
        let text = String(decoding: try #require(file).bytes, as: UTF8.self)
        guard text.hasPrefix("<html>") else { return Array(text.utf8.dropLast()) }  // a JSON file ends in a newline
        let start = try #require(text.range(of: "\">"))
        let end = try #require(text.range(of: "</script>"))
        return Array(text[start.upperBound..<end.lowerBound].utf8)
    }

    @Test func theReadersAllowedOpenAFileAndNobodyElse() throws {
        let ring = ring()
        let sealer = sealer(ring)
        let page = Array("<h1>Ana</h1><p>Revenue $123,456</p>".utf8)
        let sealed = sealer.seal(OutputFile(path: "reps/ana/index.html", bytes: page))
        let envelope = try envelope(of: sealed)
        #expect(!String(decoding: try #require(sealed).bytes, as: UTF8.self).contains("123,456"))
        #expect(Sealer.open(envelope, readerKey: try #require(ring.readers["ana"])) == page)
        #expect(Sealer.open(envelope, readerKey: try #require(ring.readers["tomas"])) == page)
        #expect(Sealer.open(envelope, readerKey: try #require(ring.readers["ben"])) == nil)
        #expect(Sealer.open(envelope, readerKey: KeyRing.randomKey()) == nil)
        // The envelope names no reader: key ids only.
        #expect(!String(decoding: envelope, as: UTF8.self).contains("ana"))
    }

    @Test func anyChangedByteIsRefused() throws {
        let ring = ring()
        let json = Array(#"{"id": "ana", "revenue": 123456}"#.utf8)
        let envelope = try envelope(of: sealer(ring).seal(OutputFile(path: "api/reps/ana.json", bytes: json)))
        let key = try #require(ring.readers["ana"])
        #expect(Sealer.open(envelope, readerKey: key) == json)
        let text = String(decoding: envelope, as: UTF8.self)
        // Flip one base64url letter of the ciphertext, of the wrapped key, of the content id: each fails to open.
        for field in ["\"ct\":\"", "\",\"", "\"cid\":\""] {
            let start = try #require(text.range(of: field)).upperBound
            var changed = text
            let letter = changed[start]
            changed.replaceSubrange(start...start, with: letter == "A" ? "B" : "A")
            #expect(Sealer.open(Array(changed.utf8), readerKey: key) == nil, "changed after \(field)")
        }
    }

    @Test func theSameBytesSealTheSameWayAndDifferentBytesUseDifferentKeys() throws {
        let ring = ring()
        let a = sealer(ring).seal(OutputFile(path: "reps/ana/index.html", bytes: Array("one".utf8)))
        let b = sealer(ring).seal(OutputFile(path: "reps/ana/index.html", bytes: Array("one".utf8)))
        let c = sealer(ring).seal(OutputFile(path: "reps/ana/index.html", bytes: Array("two".utf8)))
        let d = sealer(ring).seal(OutputFile(path: "reps/ben/index.html", bytes: Array("one".utf8)))
        #expect(try #require(a).bytes == b?.bytes)
        func cid(_ file: OutputFile?) throws -> String {
            let object = try JSONSerialization.jsonObject(with: Data(try envelope(of: file))) as? [String: Any]
            return try #require(object?["cid"] as? String)
        }
        // A content key (its id) per path and bytes: no key ever encrypts two different plaintexts.
        #expect(Set([try cid(a), try cid(c), try cid(d)]).count == 3)
        // Another keys file: another secret, other keys.
        #expect(try cid(sealer(self.ring()).seal(OutputFile(path: "reps/ana/index.html", bytes: Array("one".utf8)))) != (try cid(a)))
    }

    @Test func openFilesPassAndTheCSVOfEveryRepIsDropped() {
        let sealer = sealer(ring())
        let page = OutputFile(path: "library/index.html", bytes: Array("<p>open</p>".utf8))
        #expect(sealer.seal(page)?.bytes == page.bytes)
        #expect(sealer.seal(OutputFile(path: "api/reps.csv", bytes: Array("rep,revenue".utf8))) == nil)
    }

    @Test func readersWithoutAKeyAreNamed() {
        var ring = ring()
        ring.readers["ben"] = nil
        #expect(sealer(ring).readersWithoutKeys == ["ben"])
    }

    @Test func base64URLRoundTrips() {
        for count in 0..<40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.decode("a+b/") == nil)
    }
}
