import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (spaces and tabs, in every script), without Foundation's cost when there
    /// is nothing to trim: a text that starts and ends with an ASCII character other than a space or a tab, such as
    /// nearly every tag, which the library trims several times per document.
    package var trimmingWhitespace: String {
        guard let first = utf8.first, let last = utf8.last, Self.isPlainEnd(first), Self.isPlainEnd(last) else {
            return trimmingCharacters(in: .whitespaces)
        }
        return self
    }

    private static func isPlainEnd(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
}
