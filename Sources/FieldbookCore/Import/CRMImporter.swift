import Foundation

/// Turns CRM exports (Salesforce, Zoho, HubSpot, 纷享销客, Maven's sample) into `team.json` and `deals.json`.
///
/// Columns are recognised by common names (case, spaces and underscores ignored), or named with `--column
/// field=header`. Rep, region and manager ids are slugs of their names; when a team already exists, deal owners are
/// matched to it by name first. Stages named like Won / Closed Won / 赢单 become `won`, Lost / Closed Lost / 输单
/// become `lost`; any other stage keeps its name as a slug (an open deal).
public struct CRMImporter: Sendable {
    /// Explicit column choices: field → header.
    public var columns: [String: String]

    public init(columns: [String: String] = [:]) {
        self.columns = columns
    }

    /// The fields each import reads, with the header names recognised for each (compared without case, spaces, `_`).
    public static let teamFields: [(field: String, names: [String], required: Bool)] = [
        ("rep", ["sales_agent", "rep", "rep_name", "sales_rep", "owner", "owner_name", "agent", "name", "销售", "负责人"], true),
        ("region", ["regional_office", "region", "office", "territory", "区域"], true),
        ("manager", ["manager", "sales_manager", "manager_name", "经理"], false),
        ("title", ["title", "job_title", "职位"], false),
        ("email", ["email", "e-mail", "邮箱"], false),
        ("started", ["started", "start_date", "hire_date", "入职日期"], false),
    ]

    public static let dealFields: [(field: String, names: [String], required: Bool)] = [
        ("id", ["opportunity_id", "deal_id", "id", "opportunity id", "record_id", "商机编号"], true),
        ("rep", ["sales_agent", "owner", "rep", "sales_rep", "deal_owner", "opportunity_owner", "负责人", "销售"], true),
        ("stage", ["deal_stage", "stage", "status", "stage_name", "阶段"], true),
        ("amount", ["close_value", "amount", "value", "deal_value", "金额"], false),
        ("created", ["engage_date", "created_date", "created", "create_date", "created_at", "创建日期"], false),
        ("closed", ["close_date", "closed", "closed_date", "date_closed", "关闭日期"], false),
        ("expected_close", ["expected_close", "expected_close_date", "预计成交日期"], false),
        ("probability", ["probability", "probability_(%)", "win_probability", "赢率"], false),
        ("account", ["account", "account_name", "company", "客户"], false),
        ("product", ["product", "product_name", "产品"], false),
    ]

    /// `team.json` from a table of reps with their region and manager.
    public func team(from table: CSVTable) -> Result<(json: String, summary: String), DiagnosticsError> {
        let columns: [String: Int]
        switch resolve(Self.teamFields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        var ids = SlugAllocator()
        var regions: [(id: String, name: String)] = []
        var managers: [(id: String, name: String, regions: Set<String>)] = []
        var reps: [JSONOutput] = []
        var diagnostics: [Diagnostic] = []
        var regionIds: [String: String] = [:]
        var managerIndex: [String: Int] = [:]
        var regionManagers: [String: Set<String>] = [:]
        for (index, row) in table.rows.enumerated() {
            let value = { (field: String) in Self.cell(row, columns[field]) }
            guard let name = value("rep"), let regionName = value("region") else {
                diagnostics.append(.error(table.location(ofRow: index), "a rep needs a name and a region"))
                continue
            }
            if regionIds[regionName] == nil {
                regionIds[regionName] = ids.id(for: regionName, kind: "region")
                regions.append((regionIds[regionName]!, regionName))
            }
            let region = regionIds[regionName]!
            var fields: [(String, JSONOutput)] = [
                ("id", .string(ids.id(for: name, kind: "rep"))), ("name", .string(name)), ("region", .string(region)),
            ]
            if let managerName = value("manager") {
                if managerIndex[managerName] == nil {
                    managers.append((ids.id(for: managerName, kind: "manager"), managerName, []))
                    managerIndex[managerName] = managers.count - 1
                }
                let position = managerIndex[managerName]!
                managers[position].regions.insert(region)
                regionManagers[region, default: []].insert(managers[position].id)
                fields.append(("manager", .string(managers[position].id)))
            }
            for field in ["title", "email"] { if let text = value(field) { fields.append((field, .string(text))) } }
            if let started = value("started") {
                guard let day = Self.day(started) else {
                    diagnostics.append(.error(table.location(ofRow: index), "started: \"\(started)\" is not a date"))
                    continue
                }
                fields.append(("started", .string(day.description)))
            }
            reps.append(.object(fields))
        }
        guard !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics)) }
        // A region led by exactly one manager names them; with several, each rep names their own.
        var regionObjects: [JSONOutput] = []
        for (id, name) in regions {
            var fields: [(String, JSONOutput)] = [("id", .string(id)), ("name", .string(name))]
            if let leads = regionManagers[id], leads.count == 1 { fields.append(("manager", .string(leads.first!))) }
            regionObjects.append(.object(fields))
        }
        var managerObjects: [JSONOutput] = []
        for manager in managers {
            var fields: [(String, JSONOutput)] = [("id", .string(manager.id)), ("name", .string(manager.name))]
            if manager.regions.count == 1 { fields.append(("region", .string(manager.regions.first!))) }
            managerObjects.append(.object(fields))
        }
        let json = JSONOutput.object([("regions", .array(regionObjects)), ("managers", .array(managerObjects)), ("reps", .array(reps))])
        return .success((json.rendered, "\(reps.count) reps in \(regions.count) regions with \(managers.count) managers"))
    }

    /// `deals.json` from a table of opportunities; `team` (when known) maps owner names to rep ids.
    public func deals(from table: CSVTable, team: Team?) -> Result<(json: String, summary: String), DiagnosticsError> {
        let columns: [String: Int]
        switch resolve(Self.dealFields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        var ids = SlugAllocator()
        let repByName = Dictionary((team?.reps ?? []).map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        var deals: [JSONOutput] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        var stages: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            let location = table.location(ofRow: index)
            let value = { (field: String) in Self.cell(row, columns[field]) }
            guard let id = value("id"), let owner = value("rep"), let stageName = value("stage") else {
                diagnostics.append(.error(location, "a deal needs an id, an owner and a stage"))
                continue
            }
            guard seen.insert(id).inserted else {
                diagnostics.append(.error(location, "duplicate deal id \"\(id)\""))
                continue
            }
            let stage = Self.stage(stageName)
            stages[stage, default: 0] += 1
            var fields: [(String, JSONOutput)] = [
                ("id", .string(id)), ("rep", .string(repByName[owner] ?? ids.id(for: owner, kind: "rep"))), ("stage", .string(stage)),
            ]
            var problems: [String] = []
            for field in ["account", "product"] { if let text = value(field) { fields.append((field, .string(text))) } }
            if let text = value("amount") {
                if let amount = Self.amount(text) {
                    fields.append(("amount", .number(amount, decimals: 2)))
                } else {
                    problems.append("amount \"\(text)\" is not a number")
                }
            }
            for field in ["created", "closed", "expected_close"] {
                guard let text = value(field) else { continue }
                if let day = Self.day(text) {
                    fields.append((field, .string(day.description)))
                } else {
                    problems.append("\(field) \"\(text)\" is not a date")
                }
            }
            if let text = value("probability") {
                if let number = Self.amount(text) {
                    let probability = number > 1 ? number / 100 : number  // "40" and "40%" mean 0.4
                    if (0...1).contains(probability) {
                        fields.append(("probability", .number(probability, decimals: 4)))
                    } else {
                        problems.append("probability \"\(text)\" is out of range")
                    }
                } else {
                    problems.append("probability \"\(text)\" is not a number")
                }
            }
            if (stage == "won" || stage == "lost"), value("closed") == nil { problems.append("a \(stage) deal needs a close date") }
            if !problems.isEmpty {
                diagnostics.append(.error(location, "deal \"\(id)\": " + problems.joined(separator: "; ")))
                continue
            }
            deals.append(.object(fields))
        }
        guard !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics)) }
        let byStage = stages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return .success((JSONOutput.array(deals).rendered(indentedLevels: 1), "\(deals.count) deals (\(byStage))"))
    }

    /// Which column holds each field: the `--column` choice, else the first recognised header.
    func resolve(_ fields: [(field: String, names: [String], required: Bool)], in table: CSVTable) -> Result<[String: Int], DiagnosticsError> {
        let normalized = table.header.map(Self.normalize)
        var found: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(path: table.path)
        for unknown in columns.keys.sorted() where !fields.contains(where: { $0.field == unknown }) {
            diagnostics.append(.error(location, "--column \(unknown)=...: unknown field (fields: \(fields.map(\.field).joined(separator: ", ")))"))
        }
        for (field, names, required) in fields {
            if let header = columns[field] {
                guard let index = normalized.firstIndex(of: Self.normalize(header)) else {
                    diagnostics.append(
                        .error(location, "--column \(field)=\(header): no such column (columns: \(table.header.joined(separator: ", ")))"))
                    continue
                }
                found[field] = index
            } else if let index = names.lazy.compactMap({ normalized.firstIndex(of: Self.normalize($0)) }).first {
                found[field] = index
            } else if required {
                diagnostics.append(
                    .error(location, "no column for \(field) (looked for \(names.joined(separator: ", ")); name one with --column \(field)=HEADER)"))
            }
        }
        return diagnostics.isEmpty ? .success(found) : .failure(DiagnosticsError(diagnostics))
    }

    static func normalize(_ header: String) -> String {
        header.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
    }

    /// The trimmed text of a row's cell, nil when the column is missing or the cell empty.
    static func cell(_ row: [String], _ column: Int?) -> String? {
        guard let column, column < row.count else { return nil }
        return clean(row[column])
    }

    static func clean(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// CRM stage names to Fieldbook stages.
    static func stage(_ name: String) -> String {
        let key = normalize(name)
        if ["won", "closedwon", "赢单", "成交", "已成交", "win"].contains(key) { return "won" }
        if ["lost", "closedlost", "输单", "丢单", "已丢单", "lose"].contains(key) { return "lost" }
        return SlugAllocator.slug(name) ?? key
    }

    /// `1234.5`, `$1,234.50`, `¥ 1 234`, `40%`: digits, one point and a sign are kept.
    static func amount(_ text: String) -> Double? {
        let kept = text.filter { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        guard !kept.isEmpty, let value = Double(kept), value.isFinite else { return nil }
        return value
    }

    /// `2017-03-01`, `2017/03/01`, or either followed by a time.
    static func day(_ text: String) -> Day? {
        Day(String(text.prefix(10)).replacingOccurrences(of: "/", with: "-"))
    }
}

/// Gives names stable, unique slug ids: `Anna Snelling` → `anna-snelling`, accents folded; names with no Latin
/// letters (李娜) get `rep-` and a short hash of the name; a second name with the same slug gets `-2`.
struct SlugAllocator {
    private var assigned: [String: String] = [:]
    private var used: Set<String> = []

    mutating func id(for name: String, kind: String) -> String {
        if let id = assigned["\(kind)\u{0}\(name)"] { return id }
        var base = Self.slug(name) ?? "\(kind)-\(Self.hash(name))"
        if base.utf8.count > 60 { base = String(base.prefix(60)) }
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        assigned["\(kind)\u{0}\(name)"] = id
        return id
    }

    static func slug(_ name: String) -> String? {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// FNV-1a, so the same name gets the same id on every machine.
    static func hash(_ name: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in name.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return String(value, radix: 16)
    }
}
