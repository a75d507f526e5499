import FieldbookModel

/// Reads records out of one data file, naming every problem by its JSON path (`deals[311].amount`) at its line and
/// column.
struct DataFileReader {
    let path: String
    let lines: LineIndex
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, bytes: [UInt8]) {
        self.init(path: path, lines: LineIndex(bytes: bytes))
    }

    private init(path: String, lines: LineIndex) {
        self.path = path
        self.lines = lines
    }

    func location(_ node: JSONNode) -> SourceLocation { lines.location(ofByte: node.offset, in: path) }
    func location(ofKey member: JSONMember) -> SourceLocation { lines.location(ofByte: member.keyOffset, in: path) }

    mutating func error(_ node: JSONNode, _ jsonPath: String, _ message: String) {
        diagnostics.append(.error(location(node), "\(jsonPath): \(message)"))
    }

    /// What a record's check reported earlier (`mapRecords`).
    mutating func append(_ found: [Diagnostic]) { diagnostics += found }

    mutating func syntaxError(_ error: JSONReader.SyntaxError) {
        diagnostics.append(.error(lines.location(ofByte: error.offset, in: path), error.message))
    }

    mutating func warning(_ location: SourceLocation, _ jsonPath: String, _ message: String) {
        diagnostics.append(.warning(location, "\(jsonPath): \(message)"))
    }

    /// How a value reads in a message: strings quoted, other values by kind.
    static func describe(_ node: JSONNode) -> String {
        if let text = node.string { return "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\"" }
        return node.value.kindName
    }

    /// Streams the records of a file that holds one array, each with its JSON path (`deals[311]`); reports a
    /// syntax error, or a file that is not an array, instead.
    mutating func forEachRecord(_ bytes: [UInt8], _ name: String, _ body: (inout DataFileReader, JSONNode, String) -> Void) {
        var reader = self
        do {
            if let root = try JSONReader.forEachElement(bytes, { node, index in body(&reader, node, "\(name)[\(index)]") }) {
                reader.error(root, name, "expected an array, found \(Self.describe(root))")
            }
        } catch {
            reader.syntaxError(error)
        }
        self = reader
    }

    /// `forEachRecord` for a large file, on two cores: `check` gives each record's result, which comes back in file
    /// order with what its check reported (so a caller that drops a record can drop its diagnostics too), in one or
    /// two parts (joining them would copy a million records).
    ///
    /// The two halves of the array are read at once, cut at `JSONReader.middleElementGuess`, the second on a thread of
    /// its own (the loader reads its files in a `parallelMap`, inside which another would read them one after the
    /// other). A record's path (`deals[311]`) needs its number, which for the second half is known only once the first
    /// is read: a second half with anything to report is read again with the right numbers, as is the whole file when
    /// the guess was wrong. Either way the results are exactly `forEachRecord`'s.
    ///
    /// `scan`, when given, reads a record first, straight from its bytes (no tree, no path): its result is the
    /// record's when it gives one, which it must only do for a record `check` would accept as it is, reporting
    /// nothing; given nil, it leaves the reader where it was, and `check` reads the record.
    mutating func mapRecords<T: Sendable>(
        _ bytes: [UInt8], _ name: String, scanning scan: (@Sendable (inout JSONReader) -> T?)? = nil,
        _ check: @escaping @Sendable (inout DataFileReader, JSONNode, String) -> T
    ) -> [[(T, [Diagnostic])]] {
        let blank = DataFileReader(path: path, lines: lines)
        func whole() -> [[(T, [Diagnostic])]] {
            var root: JSONNode?
            let (records, after, _) = Self.readPass(blank, name, base: 0, scan, check) { element throws(JSONReader.SyntaxError) in
                root = try JSONReader.readEachElement(bytes, reading: element)
                return true
            }
            diagnostics += after
            if let root { error(root, name, "expected an array, found \(Self.describe(root))") }
            return [records]
        }
        guard bytes.count >= Self.twoCoreSize, let split = JSONReader.middleElementGuess(bytes) else { return whole() }
        let second = Background(ownThread: true) {
            Self.readPass(blank, name, base: 0, scan, check) { element throws(JSONReader.SyntaxError) in
                try JSONReader.readEachElement(bytes, from: split, reading: element)
                return true
            }
        }
        let head = Self.readPass(blank, name, base: 0, scan, check) { element throws(JSONReader.SyntaxError) in
            try JSONReader.readEachElement(bytes, until: split, reading: element)
        }
        var tail = second.value
        // A syntax error in the first half ends the file there, as it would reading in one go.
        guard head.reached || !head.after.isEmpty else { return whole() }
        diagnostics += head.after
        guard head.reached else { return [head.records] }
        if !tail.after.isEmpty || tail.records.contains(where: { !$0.1.isEmpty }) {
            tail = Self.readPass(blank, name, base: head.records.count, scan, check) { element throws(JSONReader.SyntaxError) in
                try JSONReader.readEachElement(bytes, from: split, reading: element)
                return true
            }
        }
        diagnostics += tail.after
        return [head.records, tail.records]
    }

    /// One pass of `mapRecords`: the records `elements` hands over, numbered from `base`, each with what its check
    /// reported; then the problems reading reported after them, and whether it did reach `split`.
    private static func readPass<T: Sendable>(
        _ reader: DataFileReader, _ name: String, base: Int, _ scan: (@Sendable (inout JSONReader) -> T?)?,
        _ check: @escaping @Sendable (inout DataFileReader, JSONNode, String) -> T,
        _ elements: (JSONReader.ElementReader) throws(JSONReader.SyntaxError) -> Bool
    ) -> (records: [(T, [Diagnostic])], after: [Diagnostic], reached: Bool) {
        var reader = reader
        var records: [(T, [Diagnostic])] = []
        let reached: Bool
        do {
            reached = try elements { json, index throws(JSONReader.SyntaxError) in
                if let scan, let result = scan(&json) {
                    records.append((result, []))
                    return
                }
                let node = try json.readNode()
                let before = reader.diagnostics.count
                let result = check(&reader, node, "\(name)[\(base + index)]")
                records.append((result, Array(reader.diagnostics[before...])))
                reader.diagnostics.removeSubrange(before...)
            }
        } catch {
            reader.syntaxError(error)
            reached = false
        }
        return (records, reader.diagnostics, reached)
    }

    /// Files smaller than this are read on one core: splitting would cost more than it saves.
    static let twoCoreSize = 1 << 20

    /// The elements of an array member, each with its JSON path.
    mutating func array(_ node: JSONNode, _ jsonPath: String) -> [(JSONNode, String)] {
        guard let elements = node.array else {
            error(node, jsonPath, "expected an array, found \(Self.describe(node))")
            return []
        }
        return elements.enumerated().map { ($1, "\(jsonPath)[\($0)]") }
    }

    /// The members of an object record, or nil (with an error) when the record is not an object.
    mutating func members(_ node: JSONNode, _ jsonPath: String) -> [JSONMember]? {
        guard let members = node.members else {
            error(node, jsonPath, "expected an object, found \(Self.describe(node))")
            return nil
        }
        return members
    }
}

/// The fields of one record, read by name; reports wrong types, missing required fields and unknown keys.
struct RecordFields {
    let node: JSONNode
    let jsonPath: String
    let members: [JSONMember]
    /// Which members were read, one bit per position (a set of strings per record costs more than the record).
    private var used: UInt64 = 0
    /// The same for the rare record with more than 64 members.
    private var usedBeyond64: Set<Int> = []

    init(node: JSONNode, jsonPath: String, members: [JSONMember]) {
        self.node = node
        self.jsonPath = jsonPath
        self.members = members
    }

    mutating func member(_ key: String) -> JSONNode? {
        guard let index = members.firstIndex(where: { $0.key == key }) else { return nil }
        if index < 64 { used |= 1 << UInt64(index) } else { usedBeyond64.insert(index) }
        let node = members[index].node
        return node.value == .null ? nil : node
    }

    /// Where to point at `key`'s value: the member's node, else (never in practice: it was just read) the record's.
    mutating func at(_ key: String) -> JSONNode { member(key) ?? node }

    mutating func string(_ key: String, required: Bool = false, in file: inout DataFileReader) -> String? {
        guard let value = member(key) else {
            if required { file.error(node, jsonPath, "missing \"\(key)\"") }
            return nil
        }
        guard let text = value.string else {
            file.error(value, "\(jsonPath).\(key)", "expected a string, found \(DataFileReader.describe(value))")
            return nil
        }
        if required, text.isEmpty { file.error(value, "\(jsonPath).\(key)", "must not be empty") }
        return text
    }

    /// A lower-case slug id (`[a-z0-9][a-z0-9-_]*`): ids become file names, so anything else is refused.
    mutating func id(_ key: String, required: Bool = false, in file: inout DataFileReader) -> String? {
        guard let text = string(key, required: required, in: &file), !text.isEmpty else { return nil }
        guard Slug.isValid(text) else {
            file.error(at(key), "\(jsonPath).\(key)", "\"\(text)\" is not a valid id: use lower-case letters, digits, '-' and '_'")
            return nil
        }
        return text
    }

    mutating func number(_ key: String, required: Bool = false, in file: inout DataFileReader) -> Double? {
        guard let value = member(key) else {
            if required { file.error(node, jsonPath, "missing \"\(key)\"") }
            return nil
        }
        guard let number = value.number else {
            file.error(value, "\(jsonPath).\(key)", "expected a number, found \(DataFileReader.describe(value))")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, in file: inout DataFileReader) -> Bool? {
        guard let value = member(key) else { return nil }
        guard let flag = value.bool else {
            file.error(value, "\(jsonPath).\(key)", "expected true or false, found \(DataFileReader.describe(value))")
            return nil
        }
        return flag
    }

    mutating func day(_ key: String, required: Bool = false, in file: inout DataFileReader) -> Day? {
        guard let text = string(key, required: required, in: &file) else { return nil }
        guard let day = Day(text) else {
            file.error(at(key), "\(jsonPath).\(key)", "expected a real date written YYYY-MM-DD, found \"\(text)\"")
            return nil
        }
        return day
    }

    /// Members not read by name: the KPI values of a target or metric record.
    var remaining: [JSONMember] {
        members.indices.filter { $0 < 64 ? used & (1 << UInt64($0)) == 0 : !usedBeyond64.contains($0) }.map { members[$0] }
    }

    /// The members not read by name, as KPI values: each must name a known KPI and hold a number (not negative,
    /// unless allowed); the others are reported.
    func kpiValues(known: Set<String>, unknown: (String) -> String, allowNegative: Bool, in file: inout DataFileReader) -> [(JSONMember, Double)] {
        var values: [(JSONMember, Double)] = []
        for member in remaining {
            // The member's path is made only for a report: a large metrics.json has hundreds of thousands of values.
            func report(_ message: String) { file.error(member.node, "\(jsonPath).\(member.key)", message) }
            guard known.contains(member.key) else {
                report(unknown(member.key))
                continue
            }
            guard let value = member.node.number else {
                report("expected a number, found \(DataFileReader.describe(member.node))")
                continue
            }
            guard allowNegative || value >= 0 else {
                report("must not be negative, found \(value)")
                continue
            }
            values.append((member, value))
        }
        return values
    }

    func warnUnknownKeys(in file: inout DataFileReader) {
        for member in remaining {
            file.warning(file.location(ofKey: member), "\(jsonPath).\(member.key)", "unknown key")
        }
    }
}
