import Dispatch
import Foundation
import Synchronization

/// Maps over `items` on every core, keeping the input order in the result.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let result = transform(items[index])
        results.withLock { $0[index] = result }
    }
    // `concurrentPerform` has filled every slot when it returns.
    return results.withLock { slots in slots.compactMap { $0 } }
}

/// Work started on another thread while the caller goes on; `value` waits for its result.
final package class Background<R: Sendable>: Sendable {
    private let result = Mutex<R?>(nil)
    private let done = DispatchGroup()

    /// `ownThread`: on a thread of its own, not the shared pool's, for work started inside `parallelMap`: there every
    /// core can be taken (a map inside a map even runs on its caller's thread alone), and the work would wait.
    package init(ownThread: Bool = false, _ work: @escaping @Sendable () -> R) {
        done.enter()
        let run: @Sendable () -> Void = {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.leave()
        }
        if ownThread { Thread(block: run).start() } else { DispatchQueue.global().async(execute: run) }
    }

    /// Waits for the work to finish.
    package var value: R {
        done.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("the work stores its result before it leaves the group") }
        return value
    }
}

/// Values a caller is done with, freed on another thread: `Dropped.later(value)` as the value's last use.
package enum Dropped {
    package static func later<T>(_ value: T) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// `@unchecked Sendable`: the value is only ever touched by the one thread that sets it to nil.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }
}

/// A value handed to another thread, which takes it: whoever handed it keeps no reference, so it is freed as soon as
/// the taker is done with it (not when the closure that carried it is).
final package class Handoff<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    package init(_ value: Value) { self.value = Mutex(value) }

    /// The value, the first time; nil after.
    package func take() -> Value? { value.withLock { $0.take() } }
}
