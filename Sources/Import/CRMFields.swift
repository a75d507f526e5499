import FieldbookModel
import Foundation

/// The columns an import reads and how their cells are read: header names, stages, amounts, dates.
extension CRMImporter {
    /// The fields each import reads, with the header names recognised for each (compared without case, spaces, `_`).
    package static let teamFields: [(field: String, names: [String], required: Bool)] = [
        ("rep", ["sales_agent", "rep", "rep_name", "sales_rep", "owner", "owner_name", "agent", "name", "销售", "负责人"], true),
        ("region", ["regional_office", "region", "office", "territory", "区域"], true),
        ("manager", ["manager", "sales_manager", "manager_name", "经理"], false),
        ("title", ["title", "job_title", "职位"], false),
        ("email", ["email", "e-mail", "邮箱"], false),
        ("started", ["started", "start_date", "hire_date", "入职日期"], false),
    ]

    package static let dealFields: [(field: String, names: [String], required: Bool)] = [
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
                    .error(
                        location,
                        "no column for \(field) (looked for \(names.joined(separator: ", "))); the file's columns are "
                            + "\(table.header.joined(separator: ", ")); name one with --column \(field)=HEADER"))
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

    /// `1234.5`, `$1,234.50`, `¥ 1 234`, `1.234,50 €`, `40%` (see `AmountParser`); nil for `12k`.
    static func amount(_ text: String) -> Double? { AmountParser.parse(text) }

    /// `2017-03-01`, `2017/03/01`, or either followed by a time.
    static func day(_ text: String) -> Day? {
        Day(String(text.prefix(10)).replacingOccurrences(of: "/", with: "-"))
    }
}
