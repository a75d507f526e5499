import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Coalesces a burst of file events (an editor's save is often several) into one rebuild: `settle` seconds after the
/// last event, the action runs once. Events during a rebuild lead to one more.
package final class Debouncer: Sendable {
    private struct State {
        var lastEvent = Date.distantPast
        var pending = false
    }
    private let settle: Double
    private let state = Mutex(State())
    private let action: @Sendable () async -> Void

    package init(settle: Double = 0.1, action: @escaping @Sendable () async -> Void) {
        self.settle = settle
        self.action = action
    }

    /// Records an event; synchronous, so a burst of calls is one burst whatever the scheduler does.
    package func signal() {
        let start = state.withLock { state -> Bool in
            state.lastEvent = Date()
            defer { state.pending = true }
            return !state.pending
        }
        if start { Task.detached { await self.drain() } }
    }

    private func drain() async {
        while true {
            let wait = state.withLock { state -> Double in
                let quiet = Date().timeIntervalSince(state.lastEvent)
                if quiet >= settle { state.pending = false }
                return settle - quiet
            }
            if wait <= 0 { break }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
        await action()
    }
}

/// Watches the portal's sources (`content/`, `templates/`, `fieldbook.json`) and reports that something changed.
/// Linux: inotify, re-arming watches on new folders. Elsewhere: a modification-time scan twice a second.
package final class FileWatcher: Sendable {
    private let portal: String
    private let onChange: @Sendable () -> Void

    package init(portal: String, onChange: @escaping @Sendable () -> Void) {
        self.portal = portal
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own; runs until the process ends.
    package func start() {
        let thread = Thread { [self] in
            #if os(Linux)
                watchWithInotify()
            #else
                watchByPolling()
            #endif
        }
        thread.start()
    }

    /// Folders to watch: the portal root (for fieldbook.json) and every folder under content/ and templates/.
    func folders() -> [String] {
        var result = [portal]
        for top in ["content", "templates"] {
            let root = portal + "/" + top
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            result.append(root)
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                if (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { result.append(root + "/" + relative) }
            }
        }
        return result
    }

    #if os(Linux)
        private func watchWithInotify() {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return watchByPolling() }
            let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
            func arm() { for folder in folders() { inotify_add_watch(descriptor, folder, mask) } }
            arm()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                // New folders need watches of their own; adding an existing one is harmless.
                arm()
                onChange()
            }
        }
    #endif

    private func watchByPolling() {
        var last = snapshot()
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            if now != last {
                last = now
                onChange()
            }
        }
    }

    private func snapshot() -> [String: Date] {
        var times: [String: Date] = [:]
        for folder in folders() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                times[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
            }
        }
        return times
    }
}
