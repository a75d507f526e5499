/// A file of the finished portal, held in memory until the writer puts it in place.
public struct OutputFile: Sendable, Equatable {
    /// Path relative to the output root: `library/index.html`.
    public var path: String
    public var bytes: [UInt8]
    /// For a page, the fingerprint of everything it was rendered from (kept in the output manifest).
    public var inputs: Fingerprint?

    public init(path: String, bytes: [UInt8], inputs: Fingerprint? = nil) {
        self.path = path
        self.bytes = bytes
        self.inputs = inputs
    }
}
