/// Decides which link and image destinations may reach a page: `javascript:`, `vbscript:`, `file:` and `data:` (other
/// than raster images in `<img>`) are dropped whatever their case, spacing or encoding, as cmark-gfm's safe mode does,
/// and also when `unsafeHTML` is on.
public enum URLSafety {
    public static func isSafe(_ url: String, isImage: Bool) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where compact.hasPrefix(scheme) { return false }
        if compact.hasPrefix("data:") {
            guard isImage else { return false }
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { compact.hasPrefix($0) }
        }
        return true
    }
}
