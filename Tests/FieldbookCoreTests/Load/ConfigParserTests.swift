import Foundation
import Testing

@testable import FieldbookCore

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
                "fieldbook.json:4:1: warning: unknown key 'theme' (known keys: title, baseURL, locale, currency, markdown, asOf, fiscalYearStartMonth, pipeline, dashboard, scorecards, targets, tags)",
                "fieldbook.json:3:14: warning: unknown key 'markdown.unsafe' (known keys: unsafeHTML)",
            ])
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let (_, diagnostics) = ConfigParser.parse(Array("{\n  \"title\": \"x\"\n  \"locale\": \"en\"\n}".utf8))
        #expect(diagnostics.map(\.description) == ["fieldbook.json:3:3: error: expected ',' or '}' in object"])
    }
}
