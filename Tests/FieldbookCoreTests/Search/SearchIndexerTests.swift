import Foundation
import Testing

@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct SearchIndexerTests {
    private func text(_ files: [OutputFile], _ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func titlesOutweighHeadingsAndText() throws {
        let files = SearchIndexer().files([
            SearchEntry(kind: .lesson, url: "b/", title: "Pricing", body: "pricing"),
            SearchEntry(kind: .playbook, url: "a/", title: "Other", headings: ["Pricing rules"], body: "pricing pricing"),
        ])
        // Documents sorted by URL: a/ is 0, b/ is 1. b/ has 1000 (title) + 1 (text); a/ 40 (heading) + 2 (text).
        #expect(text(files, "search/t-707269.js") == "fieldbookSearch.add(\"pri\",{\"pricing\":[1,1001,0,42]});\n")
        #expect(
            text(files, "search/d-0.js") == "fieldbookSearch.docs(0,[[\"a/\",\"Other\",\"playbook\",\"\"],\n[\"b/\",\"Pricing\",\"lesson\",\"\"]]);\n"
        )
        #expect(text(files, "search/manifest.js") == "fieldbookSearch.manifest({\"documents\":2,\"chunk\":\(SearchIndexer.docsPerChunk)});\n")
    }

    @Test func postingsAreCappedKeepingTheBest() {
        let entries = (0..<(SearchIndexer.postingLimit + 50)).map {
            SearchEntry(kind: .lesson, url: String(format: "d%04d/", $0), title: "x", body: String(repeating: "common ", count: 1 + $0 % 7))
        }
        let files = SearchIndexer().files(entries)
        let shard = text(files, "search/" + SearchIndexer.shardFile("com")) ?? ""
        let postings = shard.split(separator: "[")[1].split(separator: "]")[0].split(separator: ",")
        #expect(postings.count == 2 * SearchIndexer.postingLimit)
        #expect(postings[1] == "7")  // the heaviest first
    }

    @Test func textInTheIndexIsEscapedForScripts() {
        let files = SearchIndexer().files([SearchEntry(kind: .lesson, url: "a/", title: "</script><script>alert(1)</script>", summary: "\"quoted\"")])
        let docs = text(files, "search/d-0.js") ?? ""
        #expect(!docs.contains("</script>"))
        #expect(docs.contains("\\u003c/script\\u003e"))
    }

    /// On a generated portal of 10,000 documents (a fifth in Chinese), what any query loads (the manifest, the
    /// shards of its terms and the document chunks of 20 results) stays under 300 KB.
    @Test func aQueryOnTenThousandDocumentsTransfersUnder300KB() {
        let english = [
            "pipeline", "forecast", "discovery", "pricing", "discount", "quota", "territory", "renewal", "champion", "budget",
            "procurement", "security", "onboarding", "negotiation", "contract", "customer", "account", "meeting", "proposal", "quarter",
        ]
        let chinese = ["客户拜访", "重点客户", "销售漏斗", "商机管理", "合同谈判", "续约", "报价", "季度目标", "渠道伙伴", "培训计划"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let entries = (0..<10_000).map { n -> SearchEntry in
            let zh = n % 5 == 0
            let words = (0..<400).map { _ in zh ? chinese[next(chinese.count)] : english[next(english.count)] }
            let title = zh ? "\(chinese[n % chinese.count])指南 \(n)" : "\(english[n % english.count].capitalized) guide \(n)"
            return SearchEntry(
                kind: n % 3 == 0 ? .playbook : .lesson, url: "library/doc-\(n)/", title: title, headings: Array(words.prefix(5)),
                body: words.joined(separator: zh ? "" : " "), summary: String(words.prefix(20).joined(separator: " ").prefix(160)))
        }
        let files = SearchIndexer().files(entries)
        let sizes = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes.count) })
        let largestChunk = files.filter { $0.path.hasPrefix("search/d-") }.map(\.bytes.count).max() ?? 0
        for query in ["pipeline forecast", "客户拜访", "CRM 客户", "procurement security contract", "重点客户 quota"] {
            let keys = Set(SearchTokenizer.tokens(query).map(SearchTokenizer.shardKey))
            let shardBytes = keys.reduce(0) { $0 + (sizes["search/" + SearchIndexer.shardFile($1)] ?? 0) }
            let total = sizes["search/manifest.js"]! + shardBytes + 20 * largestChunk
            #expect(total < 300_000, "\(query): \(total) bytes (shards \(shardBytes), largest chunk \(largestChunk))")
        }
    }
}
