/// A page whose inputs are what they were at the previous build: its file there can be linked instead of rendered.
/// `render` is the fallback when that file turns out to have been changed or removed since.
package struct ReusedFile: Sendable {
    package var path: String
    package var record: OutputManifest.Record
    package var render: @Sendable () -> [UInt8]?

    package init(path: String, record: OutputManifest.Record, render: @escaping @Sendable () -> [UInt8]?) {
        self.path = path
        self.record = record
        self.render = render
    }
}
