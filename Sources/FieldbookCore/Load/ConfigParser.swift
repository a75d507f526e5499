/// Reads `fieldbook.json` into a `SiteConfig`.
public enum ConfigParser {
    public static let path = "fieldbook.json"

    public static func parse(_ bytes: [UInt8], path: String = path) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let lines = LineIndex(bytes: bytes)
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            return (config, [.error(lines.location(ofByte: error.offset, in: path), error.message)])
        }
        guard let members = root.members else {
            return (
                config, [.error(lines.location(ofByte: root.offset, in: path), "fieldbook.json must hold a JSON object, not \(root.value.kindName)")]
            )
        }
        var reader = JSONObjectReader(members, path: path, lines: lines)
        if let title = reader.string("title") { config.title = title }
        if let baseURL = reader.string("baseURL") { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        if let code = reader.string("locale") {
            if let locale = SiteConfig.Locale(rawValue: code) {
                config.locale = locale
            } else {
                reader.report(
                    reader.node("locale")!,
                    "unknown locale \"\(code)\" (supported: \(SiteConfig.Locale.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let currency = reader.string("currency") {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                config.currency = currency
            } else {
                reader.report(reader.node("currency")!, "currency must be a three-letter ISO 4217 code such as \"USD\"")
            }
        }
        var diagnostics: [Diagnostic] = []
        if let markdown = reader.object("markdown") {
            var nested = JSONObjectReader(markdown.members!, path: path, lines: lines, keyPrefix: "markdown.")
            if let unsafe = nested.bool("unsafeHTML") { config.unsafeHTML = unsafe }
            nested.warnUnknownKeys("unsafeHTML")
            diagnostics += nested.diagnostics
        }
        // Sections later stages read (performance data, dashboards) are accepted here and checked by those stages.
        for reserved in ["pipeline", "dashboard", "search", "data"] { _ = reader.node(reserved) }
        reader.warnUnknownKeys("title, baseURL, locale, currency, markdown")
        return (config, reader.diagnostics + diagnostics)
    }
}
