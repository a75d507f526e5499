import FieldbookModel

extension TemplateValue {
    /// Writes everything a template could read from this value: every field its schema offers (in the order of their
    /// names), the items of a list, text and flags, each marked with its kind, so values of different shapes never
    /// write the same bytes. A page's output is a function of its compiled template and of what the template reads,
    /// and a template can read nothing its schema does not offer, so two values that write the same bytes render the
    /// same page: the build cache relies on this to reuse pages.
    ///
    /// Long text (a page's HTML) goes in as its length and its own hash, taken in place: copying it into the stream
    /// first would double the bytes to move for every page. A value whose names are only known when rendering
    /// (`TemplateSchema.dynamic`, the specification's JSON contexts) writes a random number, so it never matches
    /// another fingerprint (pages never hold one).
    package func fingerprint(into writer: inout ByteWriter) {
        switch self {
        case .absent: writer.write(Marker.absent.rawValue)
        case .flag(let flag):
            writer.write(Marker.flag.rawValue)
            writer.write(flag)
        case .text(let text): Self.fingerprint(text: text, into: &writer)
        case .list(let items):
            Self.fingerprint(listOf: items.count, into: &writer)
            for item in items { item.fingerprint(into: &writer) }
        case .view(let object, let schema):
            switch schema.kind {
            case .fields:
                Self.fingerprint(viewOf: schema.sortedFields.count, into: &writer)
                for field in schema.sortedFields { field.read(object).fingerprint(into: &writer) }
            case .keyed(_, _, _, _, let contents):
                let entries = contents(object)
                Self.fingerprint(viewOf: entries.count, into: &writer)
                for (name, value) in entries {
                    writer.write(name)
                    value.fingerprint(into: &writer)
                }
            case .text: Self.fingerprint(viewOf: 0, into: &writer)
            case .dynamic:
                Self.fingerprint(viewOf: 0, into: &writer)
                writer.write(UInt64.random(in: .min ... .max))
            }
        }
    }

    /// The fingerprint of this value alone.
    package var fingerprint: Fingerprint {
        var writer = ByteWriter(capacity: 4096)
        fingerprint(into: &writer)
        return Fingerprint(writer.bytes)
    }

    static func fingerprint(text: String, into writer: inout ByteWriter) {
        if text.utf8.count > longText {
            writer.write(Marker.longText.rawValue)
            writer.write(UInt64(text.utf8.count))
            writer.write(Fingerprint(text).value)
        } else {
            writer.write(Marker.text.rawValue)
            writer.write(text)
        }
    }

    static func fingerprint(listOf count: Int, into writer: inout ByteWriter) {
        writer.write(Marker.list.rawValue)
        writer.write(UInt64(count))
    }

    static func fingerprint(viewOf fields: Int, into writer: inout ByteWriter) {
        writer.write(Marker.view.rawValue)
        writer.write(UInt64(fields))
    }

    private enum Marker: UInt8 { case absent = 1, flag, text, longText, list, view }
    private static let longText = 256
}
