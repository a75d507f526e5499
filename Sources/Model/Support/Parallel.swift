import Dispatch
import Synchronization

/// Maps over `items` on every core, keeping the input order in the result.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let result = transform(items[index])
        results.withLock { $0[index] = result }
    }
    return results.withLock { slots in slots.map { $0! } }
}

/// Work started on another thread while the caller goes on; `value` waits for its result.
final package class Background<R: Sendable>: @unchecked Sendable {
    private var result: R?
    private let done = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> R) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// Safe to read from one thread: `result` is written once, before `done` is left.
    package var value: R {
        done.wait()
        return result!
    }
}
