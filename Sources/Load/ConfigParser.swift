import FieldbookModel

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
        readSite(&reader, into: &config)
        var diagnostics: [Diagnostic] = []
        if let markdown = reader.object("markdown") { diagnostics += readMarkdown(reader.nested(markdown, key: "markdown"), into: &config) }
        readCalendar(&reader, into: &config)
        if let pipeline = reader.object("pipeline") { diagnostics += readPipeline(reader.nested(pipeline, key: "pipeline"), into: &config) }
        if let dashboard = reader.object("dashboard") {
            diagnostics += readDashboard(reader.nested(dashboard, key: "dashboard"), into: &config)
        }
        if let scorecards = reader.object("scorecards") {
            diagnostics += readScorecards(reader.nested(scorecards, key: "scorecards"), into: &config)
        }
        if let targets = reader.object("targets") { diagnostics += readTargets(reader.nested(targets, key: "targets"), into: &config) }
        if let tags = reader.object("tags") { diagnostics += readTags(reader.nested(tags, key: "tags"), into: &config) }
        reader.warnUnknownKeys(
            "title, baseURL, locale, currency, markdown, asOf, fiscalYearStartMonth, pipeline, dashboard, scorecards, targets, tags")
        return (config, reader.diagnostics + diagnostics)
    }

    private static func readSite(_ reader: inout JSONObjectReader, into config: inout SiteConfig) {
        if let title = reader.string("title") { config.title = title }
        if let baseURL = reader.string("baseURL") { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        if let code = reader.string("locale") {
            if let locale = SiteConfig.Locale(rawValue: code) {
                config.locale = locale
            } else {
                reader.report(
                    key: "locale",
                    "unknown locale \"\(code)\" (supported: \(SiteConfig.Locale.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let currency = reader.string("currency") {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                config.currency = currency
            } else {
                reader.report(key: "currency", "currency must be a three-letter ISO 4217 code such as \"USD\"")
            }
        }
    }

    private static func readMarkdown(_ nested: JSONObjectReader, into config: inout SiteConfig) -> [Diagnostic] {
        var nested = nested
        if let unsafe = nested.bool("unsafeHTML") { config.unsafeHTML = unsafe }
        nested.warnUnknownKeys("unsafeHTML")
        return nested.diagnostics
    }

    private static func readCalendar(_ reader: inout JSONObjectReader, into config: inout SiteConfig) {
        if let text = reader.string("asOf") {
            if let day = Day(text) {
                config.asOf = day
            } else {
                reader.report(key: "asOf", "asOf must be a real date written YYYY-MM-DD, not \"\(text)\"")
            }
        }
        if let month = reader.integer("fiscalYearStartMonth") {
            if (1...12).contains(month) {
                config.fiscalYearStartMonth = month
            } else {
                reader.report(key: "fiscalYearStartMonth", "fiscalYearStartMonth must be a month number from 1 to 12")
            }
        }
    }

    private static func readPipeline(_ nested: JSONObjectReader, into config: inout SiteConfig) -> [Diagnostic] {
        var nested = nested
        if let stages = nested.object("stages") {
            for member in (stages.members ?? []) {
                guard let probability = member.node.number, (0...1).contains(probability) else {
                    nested.report(member.node, "'pipeline.stages.\(member.key)' must be a probability from 0 to 1")
                    continue
                }
                config.stageProbabilities[member.key.lowercased()] = probability
            }
        }
        nested.warnUnknownKeys("stages")
        return nested.diagnostics
    }

    private static func readScorecards(_ nested: JSONObjectReader, into config: inout SiteConfig) -> [Diagnostic] {
        var nested = nested
        if let isPublic = nested.bool("public") { config.dashboard.scorecardsPublic = isPublic }
        nested.warnUnknownKeys("public")
        return nested.diagnostics
    }

    private static func readTargets(_ nested: JSONObjectReader, into config: inout SiteConfig) -> [Diagnostic] {
        var nested = nested
        if let ramp = nested.node("ramp") {
            let steps = ramp.array?.compactMap(\.number) ?? []
            if steps.count == ramp.array?.count, steps.count <= 24, steps.allSatisfy({ (0...1).contains($0) }) {
                config.ramp = steps
            } else {
                nested.report(ramp, "'targets.ramp' must be a list of at most 24 shares from 0 to 1, one a month from a rep's start")
            }
        }
        nested.warnUnknownKeys("ramp")
        return nested.diagnostics
    }

    private static func readTags(_ nested: JSONObjectReader, into config: inout SiteConfig) -> [Diagnostic] {
        var nested = nested
        if nested.node("allowed") != nil { config.allowedTags = nested.strings("allowed") }
        nested.warnUnknownKeys("allowed")
        return nested.diagnostics
    }
}
