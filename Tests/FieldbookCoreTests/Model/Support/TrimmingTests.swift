import Foundation
import Testing

@testable import FieldbookModel

@Suite struct TrimmingTests {
    /// The fast path gives what Foundation gives, for plain tags and for spaces of every script at either end.
    @Test(arguments: [
        "pricing", "", " ", "\t", " pricing", "pricing\t", "  two words  ", "定价", "\u{3000}定价\u{3000}", "\u{00A0}pricing", "pricing\u{2003}",
        "a", "é", "line\n", "\nline",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}
