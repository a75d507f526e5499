import Mustache
import Synchronization

/// A typed view model a Mustache template reads. Fields are already formatted; templates only substitute. View models
/// are `Encodable` so the build cache can fingerprint everything a page is made from (`FingerprintEncoder`).
///
/// swift-mustache renders a missing key as empty text, which would hide a typo in a theme. Every lookup therefore
/// goes through `field(_:)`, and a name that no view model along the way knows is recorded and becomes a build error.
public protocol TemplateView: MustacheParent, Sendable, Encodable {
    /// The value of a field, `TemplateValue.absent` for a known field with no value, nil for an unknown name.
    func field(_ name: String) -> Any?
}

extension TemplateView {
    public func child(named name: String) -> Any? {
        let value = field(name)
        LookupRecorder.current?.record(name, found: value != nil, atRoot: false)
        return value
    }
}

/// Values a view model hands to templates besides strings, booleans, lists and nested views.
public enum TemplateValue {
    /// A known field with nothing in it: renders as empty text, skips `{{#section}}`, shows `{{^section}}`.
    public static var absent: Any { Absent() }

    /// `value` itself, or `absent` when nil, so optional fields are never mistaken for unknown ones.
    public static func optional<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? absent }

    struct Absent: MustacheCustomRepresentation {
        var representation: Any? { nil }
    }
}

/// Collects the names looked up while one page renders, to find those nothing resolved.
final class LookupRecorder: Sendable {
    @TaskLocal static var current: LookupRecorder?

    private struct Names {
        var found: Set<String> = []
        var missed: Set<String> = []
        var missedAtRoot: Set<String> = []
    }
    private let names = Mutex(Names())

    func record(_ name: String, found isFound: Bool, atRoot: Bool) {
        names.withLock { names -> Void in
            if isFound {
                names.found.insert(name)
            } else if atRoot {
                names.missedAtRoot.insert(name)
            } else {
                names.missed.insert(name)
            }
        }
    }

    /// Names the page's root missed (nothing above it could have them), plus names missed in nested views
    /// (as in `{{labels.typo}}`) that no view resolved anywhere on the page.
    var unresolved: [String] {
        names.withLock { $0.missedAtRoot.union($0.missed.subtracting($0.found)).sorted() }
    }
}
