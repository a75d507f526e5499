import Testing

@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookTemplates

@Suite struct TemplateFingerprintTests {
    struct Card: TemplateViewModel {
        var title: String
        var note: String?
        var rows: [[String]]

        static let templateSchema = TemplateSchema(
            Self.self, ["title": .value(\.title), "note": .value(\.note), "rows": .value(\.rows), "hasRows": .value { !$0.rows.isEmpty }])
    }

    @Test func everyFieldAndShapeChangesTheFingerprint() {
        let base = Card(title: "Q3", note: nil, rows: [["a"], ["b"]])
        let variants = [
            Card(title: "Q4", note: nil, rows: [["a"], ["b"]]),
            Card(title: "Q3", note: "", rows: [["a"], ["b"]]),
            Card(title: "Q3", note: nil, rows: [["a", "b"]]),
            Card(title: "Q3", note: nil, rows: [["ab"]]),
            Card(title: "Q3", note: nil, rows: [["a"], ["b"], []]),
            Card(title: "Q3", note: nil, rows: []),
        ]
        let fingerprints = Set(([base] + variants).map(\.templateValue.fingerprint))
        #expect(fingerprints.count == variants.count + 1)
        #expect(base.templateValue.fingerprint == Card(title: "Q3", note: nil, rows: [["a"], ["b"]]).templateValue.fingerprint)
    }

    /// A view fingerprints itself in place (no boxes) to the same bytes as its boxed value does.
    @Test func inPlaceAndBoxedFingerprintsAgree() {
        let cards = [Card(title: "Q3", note: nil, rows: [["a"], ["b"]]), Card(title: String(repeating: "é", count: 300), note: "n", rows: [])]
        for card in cards {
            var inPlace = ByteWriter()
            card.fingerprint(into: &inPlace)
            var boxed = ByteWriter()
            card.templateValue.fingerprint(into: &boxed)
            #expect(inPlace.bytes == boxed.bytes)
        }
        let link = LinkView(title: "Q3 plan", url: "/library/q3/")
        let page = DocumentPageView(
            title: "Q3", html: "<p>plan</p>", toc: [TocEntryView(text: "Goals", id: "goals", isSubsection: false)],
            tags: [TagLinkView(name: "pipeline", url: "/tags/pipeline/", count: 3)], updated: "2026-11-20", updatedText: "20 Nov 2026", owner: "Ana",
            kindLabel: "Lesson 1",
            parent: link, previous: nil, next: link, position: "1 of 2", isDraft: false,
            params: ParamsView(values: [FrontMatter.Param(key: "topic", value: "renewals")]))
        var inPlace = ByteWriter()
        page.fingerprint(into: &inPlace)
        var boxed = ByteWriter()
        page.templateValue.fingerprint(into: &boxed)
        #expect(inPlace.bytes == boxed.bytes)
    }

    /// Text past 256 bytes goes in as its length and hash: every byte, and the cut-over itself, still count.
    @Test func longTextIsCoveredByEveryByte() {
        let limit = 256
        let long = String(repeating: "a", count: limit + 40)
        var variants = [long, long + "a", String(long.dropLast()), String(repeating: "a", count: limit), String(repeating: "a", count: limit + 1)]
        for position in [0, limit / 2, limit + 39] {
            var bytes = Array(long.utf8)
            bytes[position] = UInt8(ascii: "b")
            variants.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(Set(variants.map { Card(title: $0, note: nil, rows: []).templateValue.fingerprint }).count == variants.count)
        // The same text in another field, or at another depth, is another value.
        func fingerprint(_ title: String, _ note: String?, _ rows: [[String]]) -> Fingerprint {
            Card(title: title, note: note, rows: rows).templateValue.fingerprint
        }
        #expect(fingerprint(long, nil, []) != fingerprint("", long, []))
        #expect(fingerprint("", nil, [[long]]) != fingerprint("", nil, [[], [long]]))
        #expect(fingerprint(long, nil, []) == fingerprint(long, nil, []))
    }

    @Test func keyedValuesAreFingerprintedByWhatTheyHold() {
        #expect(Labels(.english).templateValue.fingerprint == Labels(.english).templateValue.fingerprint)
        #expect(Labels(.english).templateValue.fingerprint != Labels(.simplifiedChinese).templateValue.fingerprint)
        // A document's custom front matter: any name a template may ask for.
        func params(_ values: [(String, String, Bool?)]) -> Fingerprint {
            ParamsView(values: values.map { FrontMatter.Param(key: $0.0, value: $0.1, flag: $0.2) }).templateValue.fingerprint
        }
        let variants = [
            params([]), params([("owner", "Ana", nil)]), params([("owner", "Bo", nil)]), params([("lead", "Ana", nil)]),
            params([("owner", "", true)]), params([("owner", "", false)]), params([("owner", "Ana", nil), ("lead", "Bo", nil)]),
        ]
        #expect(Set(variants).count == variants.count)
    }

    /// Names resolved at render time cannot be listed: such a value never matches another fingerprint, even its own.
    @Test func dynamicValuesNeverMatch() {
        let schema = TemplateSchema.dynamic(String.self) { text, name in name == "text" ? .text(text) : nil }
        let value = TemplateValue.view(TemplateBox("a"), schema)
        #expect(value.fingerprint != value.fingerprint)
    }
}
