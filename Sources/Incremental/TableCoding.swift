import FieldbookModel
import FieldbookRender

// How the cache's tables of documents are written and read back (`BuildCache`): the rendered Markdown, and the
// Markdown files as parsed.

extension DocumentMarkdown {
    static func writeTable(_ table: [Fingerprint: DocumentMarkdown], to writer: inout ByteWriter) {
        writer.write(UInt64(table.count))
        // Sorted, so the same cache gives the same file.
        for (key, entry) in table.sorted(by: { $0.key.value < $1.key.value }) {
            writer.write(key.value)
            entry.write(to: &writer)
        }
    }

    static func readTable(_ reader: ByteReader) throws(ByteReader.Truncated) -> [Fingerprint: DocumentMarkdown] {
        var reader = reader
        let count = try reader.readCount()
        var table: [Fingerprint: DocumentMarkdown] = [:]
        table.reserveCapacity(count)
        for _ in 0..<count {
            let key = Fingerprint(try reader.readUInt64())
            table[key] = try DocumentMarkdown(reading: &reader)
        }
        return table
    }

    func write(to writer: inout ByteWriter) {
        writer.write(summary)
        writer.write(markdown.html)
        writer.write(markdown.firstTitle)
        writer.write(UInt64(markdown.headings.count))
        for heading in markdown.headings {
            writer.write(heading.level)
            writer.write(heading.text)
            writer.write(heading.id)
        }
        writer.write(UInt64(markdown.links.count))
        for link in markdown.links { writer.write(link) }
        writer.write(markdown.plainText)
        writer.write(UInt64(problems.count))
        for problem in problems { writer.write(problem) }
        writer.write(UInt64(anchors.count))
        for anchor in anchors {
            writer.write(anchor.link)
            writer.write(anchor.path)
            writer.write(anchor.fragment)
        }
        writer.write(linked)
    }

}

extension DocumentMarkdown {
    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        let summary = try reader.readString()
        let html = try reader.readString()
        let firstTitle = try reader.readOptionalString()
        let headings = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            Heading(level: try reader.readInt(), text: try reader.readString(), id: try reader.readString())
        }
        let links = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try reader.readLink() }
        let markdown = RenderedMarkdown(html: html, firstTitle: firstTitle, headings: headings, links: links, plainText: try reader.readString())
        let problems = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try reader.readDiagnostic() }
        let anchors = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            Anchor(link: try reader.readLink(), path: try reader.readString(), fragment: try reader.readString())
        }
        self.init(markdown: markdown, summary: summary, problems: problems, anchors: anchors, linked: try reader.readStrings())
    }
}

extension ParsedSources {
    func write(to writer: inout ByteWriter) {
        writer.write(Int(readAt))
        writer.write(UInt64(entries.count))
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(entry.stamp.inode)
            writer.write(entry.stamp.size)
            writer.write(Int(entry.stamp.modified))
            writer.write(Int(entry.stamp.changed))
            writer.write(entry.document.contents.value)
            entry.document.frontMatter.write(to: &writer)
            writer.write(UInt64(entry.diagnostics.count))
            for diagnostic in entry.diagnostics { writer.write(diagnostic) }
        }
    }

    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        self.init(readAt: Int64(try reader.readInt()))
        let count = try reader.readCount()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.readString()
            let stamp = SourceStamp(
                inode: try reader.readUInt64(), size: try reader.readInt(), modified: Int64(try reader.readInt()),
                changed: Int64(try reader.readInt()))
            let contents = Fingerprint(try reader.readUInt64())
            let document = SourceDocument(path: path, frontMatter: try FrontMatter(reading: &reader), markdown: "", contents: contents).withoutText()
            let diagnostics = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in try reader.readDiagnostic() }
            entries[path] = Entry(stamp: stamp, document: document, diagnostics: diagnostics)
        }
    }
}

extension FrontMatter {
    func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(description)
        writer.write(tags)
        writer.write(owner)
        writer.write(updated?.description)
        writer.write(draft)
        writer.write(order.map(String.init))
        writer.write(kpis)
        writer.write(region)
        writer.write(UInt64(params.count))
        for param in params {
            writer.write(param.key)
            writer.write(param.value)
            writer.write(param.flag.map { $0 ? "true" : "false" })
        }
        writer.write(unknownKeys)
        writer.write(UInt64(locations.count))
        for (key, location) in locations.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            writer.write(location)
        }
    }

    init(reading reader: inout ByteReader) throws(ByteReader.Truncated) {
        self.init()
        (title, description, tags, owner) = (
            try reader.readOptionalString(), try reader.readOptionalString(), try reader.readStrings(), try reader.readOptionalString()
        )
        updated = try reader.readOptionalString().map { text throws(ByteReader.Truncated) in
            guard let day = Day(text) else { throw ByteReader.Truncated() }
            return day
        }
        draft = try reader.readBool()
        order = try reader.readOptionalString().flatMap { Int($0) }
        (kpis, region) = (try reader.readStrings(), try reader.readOptionalString())
        params = try reader.readArray { (reader: inout ByteReader) throws(ByteReader.Truncated) in
            FrontMatter.Param(
                key: try reader.readString(), value: try reader.readString(), flag: try reader.readOptionalString().map { $0 == "true" })
        }
        unknownKeys = try reader.readStrings()
        let count = try reader.readCount()
        for _ in 0..<count {
            let key = try reader.readString()
            locations[key] = try reader.readLocation()
        }
    }
}
