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
        if let markdown = reader.object("markdown") { readMarkdown(reader.nested(markdown, keyPrefix: "markdown."), into: &config, &diagnostics) }
        readCalendar(&reader, into: &config)
        if let pipeline = reader.object("pipeline") { readPipeline(reader.nested(pipeline, keyPrefix: "pipeline."), into: &config, &diagnostics) }
        if let dashboard = reader.object("dashboard") {
            readDashboard(reader.nested(dashboard, keyPrefix: "dashboard."), into: &config, &diagnostics)
        }
        if let scorecards = reader.object("scorecards") {
            readScorecards(reader.nested(scorecards, keyPrefix: "scorecards."), into: &config, &diagnostics)
        }
        if let targets = reader.object("targets") { readTargets(reader.nested(targets, keyPrefix: "targets."), into: &config, &diagnostics) }
        if let tags = reader.object("tags") { readTags(reader.nested(tags, keyPrefix: "tags."), into: &config, &diagnostics) }
        if let access = reader.object("access") { readAccess(reader.nested(access, keyPrefix: "access."), into: &config, &diagnostics) }
        reader.warnUnknownKeys(
            "title, baseURL, locale, currency, markdown, asOf, fiscalYearStartMonth, pipeline, dashboard, scorecards, targets, tags, access")
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

    private static func readMarkdown(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if let unsafe = nested.bool("unsafeHTML") { config.unsafeHTML = unsafe }
        nested.warnUnknownKeys("unsafeHTML")
        diagnostics += nested.diagnostics
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

    private static func readPipeline(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
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
        diagnostics += nested.diagnostics
    }

    private static func readScorecards(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if let isPublic = nested.bool("public") { config.dashboard.scorecardsPublic = isPublic }
        nested.warnUnknownKeys("public")
        diagnostics += nested.diagnostics
    }

    private static func readTargets(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if let ramp = nested.node("ramp") {
            let steps = ramp.array?.compactMap(\.number) ?? []
            if steps.count == ramp.array?.count, steps.count <= 24, steps.allSatisfy({ (0...1).contains($0) }) {
                config.ramp = steps
            } else {
                nested.report(ramp, "'targets.ramp' must be a list of at most 24 shares from 0 to 1, one a month from a rep's start")
            }
        }
        nested.warnUnknownKeys("ramp")
        diagnostics += nested.diagnostics
    }

    private static func readAccess(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if let text = nested.string("mode") {
            if let mode = AccessSettings.Mode(rawValue: text) {
                config.access.mode = mode
            } else {
                nested.report(key: "mode", "access.mode must be \"open\" or \"encrypted\", not \"\(text)\"")
            }
        }
        if nested.node("admins") != nil { config.access.admins = nested.strings("admins") }
        if nested.node("open") != nil {
            for name in nested.strings("open") {
                if let section = AccessSettings.Section(rawValue: name) {
                    config.access.open.insert(section)
                } else {
                    let known = AccessSettings.Section.allCases.map(\.rawValue).joined(separator: ", ")
                    nested.report(key: "open", "access.open: unknown section \"\(name)\" (known: \(known))")
                }
            }
        }
        if let file = nested.string("keysFile") { config.access.keysFile = file }
        nested.warnUnknownKeys("mode, admins, open, keysFile")
        diagnostics += nested.diagnostics
    }

    private static func readTags(_ nested: consuming JSONObjectReader, into config: inout SiteConfig, _ diagnostics: inout [Diagnostic]) {
        if nested.node("allowed") != nil { config.allowedTags = nested.strings("allowed") }
        nested.warnUnknownKeys("allowed")
        diagnostics += nested.diagnostics
    }
}
