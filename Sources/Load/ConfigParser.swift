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
        var diagnostics: [Diagnostic] = []
        if let markdown = reader.object("markdown") {
            var nested = JSONObjectReader((markdown.members ?? []), path: path, lines: lines, keyPrefix: "markdown.")
            if let unsafe = nested.bool("unsafeHTML") { config.unsafeHTML = unsafe }
            nested.warnUnknownKeys("unsafeHTML")
            diagnostics += nested.diagnostics
        }
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
        if let pipeline = reader.object("pipeline") {
            var nested = JSONObjectReader((pipeline.members ?? []), path: path, lines: lines, keyPrefix: "pipeline.")
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
        if let dashboard = reader.object("dashboard") {
            var nested = JSONObjectReader((dashboard.members ?? []), path: path, lines: lines, keyPrefix: "dashboard.")
            if let kind = nested.string("period") {
                if let parsed = Period.Kind(rawValue: kind) {
                    config.dashboard.period = parsed
                } else {
                    nested.report(key: "period", "'dashboard.period' must be \"month\", \"quarter\" or \"year\"")
                }
            }
            if nested.node("cards") != nil { config.dashboard.cards = nested.strings("cards") }
            if let thresholds = nested.object("thresholds") {
                var limits = JSONObjectReader((thresholds.members ?? []), path: path, lines: lines, keyPrefix: "dashboard.thresholds.")
                if let onTrack = limits.number("onTrack") { config.dashboard.thresholds.onTrack = onTrack }
                if let atRisk = limits.number("atRisk") { config.dashboard.thresholds.atRisk = atRisk }
                if config.dashboard.thresholds.atRisk > config.dashboard.thresholds.onTrack {
                    limits.report(thresholds, "'dashboard.thresholds.atRisk' must not exceed 'onTrack'")
                }
                limits.warnUnknownKeys("onTrack, atRisk")
                diagnostics += limits.diagnostics
            }
            if let days = nested.integer("staleAfterDays") {
                if days >= 0 {
                    config.dashboard.staleAfterDays = days
                } else {
                    nested.report(key: "staleAfterDays", "'dashboard.staleAfterDays' must not be negative")
                }
            }
            nested.warnUnknownKeys("period, cards, thresholds, staleAfterDays")
            diagnostics += nested.diagnostics
        }
        if let scorecards = reader.object("scorecards") {
            var nested = JSONObjectReader((scorecards.members ?? []), path: path, lines: lines, keyPrefix: "scorecards.")
            if let isPublic = nested.bool("public") { config.dashboard.scorecardsPublic = isPublic }
            nested.warnUnknownKeys("public")
            diagnostics += nested.diagnostics
        }
        if let targets = reader.object("targets") {
            var nested = JSONObjectReader((targets.members ?? []), path: path, lines: lines, keyPrefix: "targets.")
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
        if let tags = reader.object("tags") {
            var nested = JSONObjectReader((tags.members ?? []), path: path, lines: lines, keyPrefix: "tags.")
            if nested.node("allowed") != nil { config.allowedTags = nested.strings("allowed") }
            nested.warnUnknownKeys("allowed")
            diagnostics += nested.diagnostics
        }
        reader.warnUnknownKeys(
            "title, baseURL, locale, currency, markdown, asOf, fiscalYearStartMonth, pipeline, dashboard, scorecards, targets, tags")
        return (config, reader.diagnostics + diagnostics)
    }
}
