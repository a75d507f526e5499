/// Turns UTF-8 byte offsets into 1-based line and column numbers (columns count characters, as editors do).
package struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    package init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The line and column of a byte offset.
    package func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        // Count characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[start..<offset].reduce(1) { count, byte in (byte & 0xC0) == 0x80 ? count : count + 1 }
        return (low + 1, column)
    }

    package func location(ofByte offset: Int, in path: String) -> SourceLocation {
        let (line, column) = position(ofByte: offset)
        return SourceLocation(path: path, line: line, column: column)
    }
}
