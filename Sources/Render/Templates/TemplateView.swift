import Mustache

/// A typed view model a Mustache template reads. Fields are already formatted; templates only substitute. View models
/// are `Encodable` so the build cache can fingerprint everything a page is made from (`FingerprintEncoder`).
///
/// swift-mustache renders a missing key as empty text, which would hide a typo in a theme. Every lookup therefore
/// goes through `field(_:)`, and a name that no view model along the way knows is recorded and becomes a build error.
package protocol TemplateView: MustacheParent, Sendable, Encodable {
    /// The value of a field, `TemplateValue.absent` for a known field with no value, nil for an unknown name.
    func field(_ name: String) -> Any?
}

extension TemplateView {
    package func child(named name: String) -> Any? {
        let value = field(name)
        LookupRecorder.current?.record(name, found: value != nil, atRoot: false)
        return TemplateText.wrapping(value)
    }
}

/// A string field as swift-mustache renders it with the fewest dynamic casts: a plain `String` is tried against
/// three protocols, then printed through `String(describing:)`, which was the largest part of rendering a page.
/// It forwards swift-mustache's string transforms (`{{uppercased(title)}}`), and has no fields of its own (so
/// `{{#owner}}{{owner}}{{/owner}}` looks past it without reflection).
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let renderText: String
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? { renderText.transform(name) }
    func child(named name: String) -> Any? { nil }

    static func wrapping(_ value: Any?) -> Any? {
        if let text = value as? String { return TemplateText(renderText: text) }
        return value
    }
}

/// Values a view model hands to templates besides strings, booleans, lists and nested views.
package enum TemplateValue {
    /// A known field with nothing in it: renders as empty text, skips `{{#section}}`, shows `{{^section}}`.
    package static var absent: Any { Absent() }

    /// `value` itself, or `absent` when nil, so optional fields are never mistaken for unknown ones.
    package static func optional<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? absent }

    struct Absent: MustacheCustomRepresentation {
        var representation: Any? { nil }
    }
}

/// Collects the names looked up while one page renders, to find those nothing resolved. A page renders on one
/// thread, so it appends to plain arrays (no lock, no hashing per lookup) and sorts things out at the end.
///
/// `@unchecked Sendable` because the task-local value must be `Sendable`; it is safe because each recorder is made
/// for one page, bound with `$current.withValue` around that page's synchronous render on one thread, and read
/// after the render returns: no two threads ever touch one recorder.
final class LookupRecorder: @unchecked Sendable {
    @TaskLocal static var current: LookupRecorder?

    private var found: [String] = []
    private var missed: [String] = []
    private var missedAtRoot: [String] = []

    func record(_ name: String, found isFound: Bool, atRoot: Bool) {
        if isFound {
            found.append(name)
        } else if atRoot {
            missedAtRoot.append(name)
        } else {
            missed.append(name)
        }
    }

    /// Names the page's root missed (nothing above it could have them), plus names missed in nested views
    /// (as in `{{labels.typo}}`) that no view resolved anywhere on the page.
    var unresolved: [String] {
        guard !missed.isEmpty || !missedAtRoot.isEmpty else { return [] }
        return Set(missedAtRoot).union(Set(missed).subtracting(found)).sorted()
    }
}
