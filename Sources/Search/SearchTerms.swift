import FieldbookModel

/// Every search entry's weighed terms, kept by the build cache so an unchanged document is not tokenized again.
/// Terms are stored once, in `terms`, and entries refer to them by position.
package struct SearchTerms: Sendable, Equatable {
    package struct Weight: Sendable, Equatable {
        package var term: Int32
        package var weight: Int32
    }

    package var terms: [SearchTokenizer.Token] = []
    /// By `key(of:)`: what weighing looks at (title, tags, headings, summary and text).
    package var entries: [Fingerprint: [Weight]] = [:]

    package init(terms: [SearchTokenizer.Token] = [], entries: [Fingerprint: [Weight]] = [:]) {
        self.terms = terms
        self.entries = entries
    }

    static func key(of entry: SearchEntry) -> Fingerprint {
        var writer = ByteWriter(capacity: 256)
        writer.write(entry.title)
        writer.write(entry.summary)
        for list in [entry.tags, entry.headings] {
            writer.write(UInt64(list.count))
            for item in list { writer.write(item) }
        }
        writer.write(Fingerprint(entry.body).value)  // hashed in place, not copied into the writer
        return Fingerprint(writer.bytes)
    }

    /// Only the terms `entries` still use, renumbered in order of first use.
    func compacted() -> SearchTerms {
        var renumbered = [Int32](repeating: -1, count: terms.count)
        var result = SearchTerms()
        for (key, weights) in entries.sorted(by: { $0.key.value < $1.key.value }) {
            result.entries[key] = weights.map { weight in
                if renumbered[Int(weight.term)] < 0 {
                    renumbered[Int(weight.term)] = Int32(result.terms.count)
                    result.terms.append(terms[Int(weight.term)])
                }
                return Weight(term: renumbered[Int(weight.term)], weight: weight.weight)
            }
        }
        return result
    }

    package func write(to writer: inout ByteWriter) {
        writer.write(UInt64(terms.count))
        for term in terms {
            writer.write(term.isCJK)
            writer.write(term.text)
        }
        writer.write(UInt64(entries.count))
        for (key, weights) in entries.sorted(by: { $0.key.value < $1.key.value }) {
            writer.write(key.value)
            writer.write(UInt64(weights.count))
            for weight in weights {
                writer.write(UInt64(weight.term))
                writer.write(UInt64(weight.weight))
            }
        }
    }

    package init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        terms = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            let isCJK = try reader.readBool()
            return SearchTokenizer.Token(text: try reader.readString(), isCJK: isCJK)
        }
        let count = try reader.readCount()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = Fingerprint(try reader.readUInt64())
            let termCount = UInt64(terms.count)
            entries[key] = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
                let term = try reader.readUInt64()
                guard term < termCount else { throw ByteReader.Truncated() }
                return Weight(term: Int32(term), weight: Int32(truncatingIfNeeded: try reader.readUInt64()))
            }
        }
    }
}
