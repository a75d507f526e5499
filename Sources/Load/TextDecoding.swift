import FieldbookModel
import Foundation

/// Turns file bytes into text the rest of the pipeline can trust: valid UTF-8, no byte-order mark, `\n` line endings.
package enum TextDecoding {
    /// The text, or a diagnostic at the first invalid byte.
    static package func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidByte(in: Array(bytes))
            return .failure(.error(LineIndex(bytes: Array(bytes)).location(ofByte: offset, in: path), "file is not valid UTF-8"))
        }
        // memchr: a byte-by-byte walk through `String.UTF8View` costs more than the validation above.
        let hasCarriageReturn = body.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }
        if !hasCarriageReturn { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    private static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
