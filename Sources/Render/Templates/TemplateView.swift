import FieldbookTemplates

/// A typed view model a Mustache template reads. Fields are already formatted; templates only substitute. Each view
/// lists its fields once (`templateSchema`), and a template is compiled against them: every name in it becomes an
/// accessor before any page renders, and a name the view does not have is a build error with the tag's position.
/// View models are `Encodable` so the build cache can fingerprint everything a page is made from
/// (`FingerprintEncoder`).
package protocol TemplateView: TemplateViewModel, Sendable, Encodable {}
