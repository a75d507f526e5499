import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct ConfigParserTests {
    @Test func readsSettings() {
        let (config, diagnostics) = ConfigParser.parse(
            Array(#"{"title": "Acme", "baseURL": "/sales", "locale": "zh-CN", "currency": "EUR", "markdown": {"unsafeHTML": true}}"#.utf8))
        #expect(diagnostics == [])
        #expect(config == SiteConfig(title: "Acme", baseURL: "/sales/", locale: .simplifiedChinese, currency: "EUR", unsafeHTML: true))
    }

    @Test func reportsBadValuesAndUnknownKeys() {
        let (_, diagnostics) = ConfigParser.parse(Array("{\n\"locale\": \"fr\",\n\"markdown\": {\"unsafe\": true},\n\"theme\": 1\n}".utf8))
        #expect(
            diagnostics.map(\.description) == [
                "fieldbook.json:2:11: error: unknown locale \"fr\" (supported: en, zh-CN)",
                "fieldbook.json:4:1: warning: unknown key 'theme' (known keys: title, baseURL, locale, currency, markdown, asOf, fiscalYearStartMonth, pipeline, dashboard, scorecards, targets, tags, access)",
                "fieldbook.json:3:14: warning: unknown key 'markdown.unsafe' (known keys: unsafeHTML)",
            ])
    }

    @Test func readsTheRampAndStaleSettingsAndRefusesBadOnes() {
        let (config, fine) = ConfigParser.parse(Array(#"{"targets": {"ramp": [0.25, 0.5]}, "dashboard": {"staleAfterDays": 30}}"#.utf8))
        #expect(fine == [])
        #expect(config.ramp == [0.25, 0.5] && config.dashboard.staleAfterDays == 30)
        let (_, bad) = ConfigParser.parse(Array(#"{"targets": {"ramp": [1.5]}, "dashboard": {"staleAfterDays": -1}}"#.utf8))
        #expect(
            bad.map(\.description) == [
                "fieldbook.json:1:62: error: 'dashboard.staleAfterDays' must not be negative",
                "fieldbook.json:1:22: error: 'targets.ramp' must be a list of at most 24 shares from 0 to 1, one a month from a rep's start",
            ])
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let (_, diagnostics) = ConfigParser.parse(Array("{\n  \"title\": \"x\"\n  \"locale\": \"en\"\n}".utf8))
        #expect(diagnostics.map(\.description) == ["fieldbook.json:3:3: error: expected ',' or '}' in object"])
    }
}
