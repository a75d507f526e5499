/// Decides which link and image destinations may reach a page: `javascript:`, `vbscript:`, `file:` and `data:` (other
/// than raster images in `<img>`) are dropped whatever their case, spacing or encoding, as cmark-gfm's safe mode does,
/// and also when `unsafeHTML` is on.
package enum URLSafety {
    package static func isSafe(_ url: String, isImage: Bool) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so compare the
        // first significant bytes, lower-cased; a scheme this short is all that needs looking at.
        var head: [UInt8] = []
        for byte in url.utf8 where byte > 0x20 && byte != 0x7F {
            head.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            if head.count == 16 { break }
        }
        func starts(_ prefix: String) -> Bool { head.starts(with: prefix.utf8) }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return false }
        if starts("data:") {
            return isImage && ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { starts($0) }
        }
        return true
    }
}
