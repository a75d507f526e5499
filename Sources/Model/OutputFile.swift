/// A file of the finished portal, held in memory until the writer puts it in place.
package struct OutputFile: Sendable, Equatable {
    /// Path relative to the output root: `library/index.html`.
    package var path: String
    package var bytes: [UInt8]
    /// For a page, the fingerprint of everything it was rendered from (kept in the output manifest).
    package var inputs: Fingerprint?

    package init(path: String, bytes: [UInt8], inputs: Fingerprint? = nil) {
        self.path = path
        self.bytes = bytes
        self.inputs = inputs
    }
}
