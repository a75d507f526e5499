/// How values the build cache keeps and fingerprints are written: one place per type, shared by every cache file.
extension ByteWriter {
    package mutating func write(_ location: SourceLocation) {
        write(location.path)
        write(location.line)
        write(location.column)
    }

    package mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.severity == .error)
        write(diagnostic.location)
        write(diagnostic.message)
        write(UInt64(diagnostic.notes.count))
        for note in diagnostic.notes {
            write(note.location)
            write(note.message)
        }
    }

    package mutating func write(_ link: MarkdownLink) {
        write(link.destination)
        write(link.line)
        write(link.column)
        write(link.isImage)
    }

    /// A theme's templates, by name: what every page is rendered with, in cache keys.
    package mutating func write(_ templates: [String: TemplateSource]) {
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            write(name)
            write(template.text)
        }
    }

    package mutating func write(_ strings: [String]) {
        write(UInt64(strings.count))
        for string in strings { write(string) }
    }
}

extension ByteReader {
    package mutating func readLocation() throws(Truncated) -> SourceLocation {
        SourceLocation(path: try readString(), line: try readInt(), column: try readInt())
    }

    package mutating func readDiagnostic() throws(Truncated) -> Diagnostic {
        let severity: Diagnostic.Severity = try readBool() ? .error : .warning
        let location = try readLocation()
        let message = try readString()
        let notes = try readArray { (reader: inout ByteReader) throws(Truncated) in
            Diagnostic.Note(try reader.readLocation(), try reader.readString())
        }
        return Diagnostic(severity, location, message, notes: notes)
    }

    package mutating func readLink() throws(Truncated) -> MarkdownLink {
        MarkdownLink(destination: try readString(), line: try readInt(), column: try readInt(), isImage: try readBool())
    }

    package mutating func readStrings() throws(Truncated) -> [String] {
        try readArray { (reader: inout ByteReader) throws(Truncated) in try reader.readString() }
    }
}
