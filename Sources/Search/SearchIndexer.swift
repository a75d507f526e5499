import FieldbookModel

/// Something findable: a lesson, playbook, course, shelf, rep or region.
package struct SearchEntry: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable { case lesson, playbook, course, rep, region }
    package var kind: Kind
    package var url: String
    package var title: String
    package var headings: [String]
    package var tags: [String]
    package var body: String
    /// Shown under the title in results.
    package var summary: String

    package init(kind: Kind, url: String, title: String, headings: [String] = [], tags: [String] = [], body: String = "", summary: String = "") {
        self.kind = kind
        self.url = url
        self.title = title
        self.headings = headings
        self.tags = tags
        self.body = body
        self.summary = summary
    }
}

/// Builds the search index as small files the browser loads on demand, so a query on a 10,000-document portal
/// transfers a few shards and document chunks instead of the whole index. Files are scripts that call
/// `fieldbookSearch.*` rather than JSON, so they also load when the portal is opened from disk (browsers refuse
/// `fetch` of `file:` URLs, not `<script src>`).
///
/// Ranking: see `weigh`. Each term keeps its `postingLimit` best documents.
package struct SearchIndexer: Sendable {
    package static let folder = "search"
    package static let docsPerChunk = 20
    package static let postingLimit = 400

    package init() {}

    package func files(_ entries: [SearchEntry]) -> [OutputFile] { index(entries).files }

    /// The index's files, and every entry's weighed terms for the build cache. Entries whose text is in `cache` are
    /// not tokenized again: on a large portal, tokenizing is most of the index's cost.
    package func index(_ entries: [SearchEntry], cache: SearchTerms = SearchTerms()) -> (files: [OutputFile], terms: SearchTerms) {
        let entries = entries.sorted { ($0.url, $0.title) < ($1.url, $1.title) }
        // Weighing each document's terms is independent work: spread it over every core, then merge in order.
        let weighed = parallelMap(entries) { entry -> (Fingerprint, Weighed) in
            let key = SearchTerms.key(of: entry)
            return (key, cache.entries[key].map(Weighed.kept) ?? .fresh(Self.weigh(entry)))
        }
        var terms = SearchTerms(terms: cache.terms)
        // Term numbers of the tokens seen so far; made only when an entry is weighed afresh.
        var known: [SearchTokenizer.Token: Int] = [:]
        var termsOfDocument: [[SearchTerms.Weight]] = []
        termsOfDocument.reserveCapacity(entries.count)
        for (key, weighing) in weighed {
            let fresh: [(SearchTokenizer.Token, Int)]
            switch weighing {
            case .kept(let weights):
                termsOfDocument.append(weights)
                terms.entries[key] = weights
                continue
            case .fresh(let weights): fresh = weights
            }
            if known.isEmpty { known = Dictionary(terms.terms.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
            let weights = fresh.map { token, weight -> SearchTerms.Weight in
                if let id = known[token] { return SearchTerms.Weight(term: Int32(id), weight: Int32(weight)) }
                known[token] = terms.terms.count
                terms.terms.append(token)
                return SearchTerms.Weight(term: Int32(terms.terms.count - 1), weight: Int32(weight))
            }
            termsOfDocument.append(weights)
            terms.entries[key] = weights
        }
        return (Self.shardFiles(termsOfDocument, terms: terms.terms) + Self.documentFiles(entries), terms.compacted())
    }

    /// One script per shard of terms, each term with its best documents, by shard key.
    private static func shardFiles(_ termsOfDocument: [[SearchTerms.Weight]], terms: [SearchTokenizer.Token]) -> [OutputFile] {
        // Postings by term id: an array, not a dictionary of strings, so merging ten thousand documents is cheap.
        var postings = [[(doc: Int, weight: Int)]](repeating: [], count: terms.count)
        for (doc, weights) in termsOfDocument.enumerated() {
            for weight in weights { postings[Int(weight.term)].append((doc, Int(weight.weight))) }
        }
        var shards: [String: [String: [(doc: Int, weight: Int)]]] = [:]
        for (id, list) in postings.enumerated() where !list.isEmpty {
            let token = terms[id]
            shards[SearchTokenizer.shardKey(token), default: [:]][token.text, default: []].append(contentsOf: list)
        }
        // Shards are independent too: sort their postings and write them on every core, straight into bytes.
        return parallelMap(shards.sorted { $0.key < $1.key }) { key, terms -> OutputFile in
            var script = Array("fieldbookSearch.add(".utf8)
            JSONOutput.appendQuoted(key, to: &script)
            script.append(contentsOf: ",{".utf8)
            for (index, (term, postings)) in terms.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { script.append(UInt8(ascii: ",")) }
                JSONOutput.appendQuoted(term, to: &script)
                script.append(contentsOf: ":[".utf8)
                let best = postings.sorted { ($0.weight, $1.doc) > ($1.weight, $0.doc) }.prefix(Self.postingLimit)
                for (rank, posting) in best.enumerated() {
                    if rank > 0 { script.append(UInt8(ascii: ",")) }
                    script.append(contentsOf: String(posting.doc).utf8)
                    script.append(UInt8(ascii: ","))
                    script.append(contentsOf: String(posting.weight).utf8)
                }
                script.append(UInt8(ascii: "]"))
            }
            script.append(contentsOf: "});\n".utf8)
            return OutputFile(path: "\(Self.folder)/\(Self.shardFile(key))", bytes: script)
        }
    }

    /// The documents' chunks, which results show, and the manifest that says how many there are.
    private static func documentFiles(_ entries: [SearchEntry]) -> [OutputFile] {
        var files: [OutputFile] = []
        for start in stride(from: 0, to: entries.count, by: Self.docsPerChunk) {
            let chunk = entries[start..<min(start + Self.docsPerChunk, entries.count)].map { entry in
                "[" + [entry.url, entry.title, entry.kind.rawValue, entry.summary].map(JSONOutput.quoted).joined(separator: ",") + "]"
            }
            let script = "fieldbookSearch.docs(\(start / Self.docsPerChunk),[" + chunk.joined(separator: ",\n") + "]);\n"
            files.append(OutputFile(path: "\(Self.folder)/d-\(start / Self.docsPerChunk).js", bytes: Array(script.utf8)))
        }
        let manifest = "fieldbookSearch.manifest({\"documents\":\(entries.count),\"chunk\":\(Self.docsPerChunk)});\n"
        files.append(OutputFile(path: "\(Self.folder)/manifest.js", bytes: Array(manifest.utf8)))
        return files
    }

    /// A term's weight in a document: 1000 per occurrence in the title; below that, 100 per tag, 40 per heading, 40 in
    /// the summary (the description, or the text's opening, that results show) and 1 per occurrence in the text (at
    /// most 20), together at most 999. So every field a result shows is searched, and a title match ranks above
    /// any match elsewhere (a prefix match counts 0.6 in the browser).
    static func weigh(_ entry: SearchEntry) -> [(SearchTokenizer.Token, Int)] {
        var counter = TermCounter(expectedTerms: 64 + entry.body.utf8.count / 16)
        func add(_ text: String, weight: Int32) {
            SearchTokenizer.forEachToken(in: text) { counter.add($0, isCJK: $1, weight: weight) }
        }
        add(entry.title, weight: TermCounter.title)
        for tag in entry.tags { add(tag, weight: 100) }
        for heading in entry.headings { add(heading, weight: 40) }
        add(entry.summary, weight: 40)
        add(entry.body, weight: 0)
        return counter.weighed(textCap: 20, titleWeight: 1000)
    }

    /// `t-` and the key's UTF-8 bytes in hex: safe on every file system, whatever the script.
    package static func shardFile(_ key: String) -> String {
        "t-" + key.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + ".js"
    }

    /// An entry's weighed terms: kept from the cache (numbered) or weighed now (tokens, numbered when merged).
    private enum Weighed: Sendable {
        case kept([SearchTerms.Weight])
        case fresh([(SearchTokenizer.Token, Int)])
    }
}
