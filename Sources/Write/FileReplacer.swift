import Foundation

/// Replaces one file atomically (write beside it, then rename), so an import never leaves half a data file.
package enum FileReplacer {
    package static func replace(_ path: String, with text: String) throws(SiteWriter.WriteError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw SiteWriter.WriteError(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
