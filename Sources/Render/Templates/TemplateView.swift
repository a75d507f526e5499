import FieldbookTemplates

/// A typed view model a Mustache template reads. Fields are already formatted; templates only substitute. Each view
/// lists its fields once (`templateSchema`), and a template is compiled against them: every name in it becomes an
/// accessor before any page renders, and a name the view does not have is a build error with the tag's position.
/// The same fields fingerprint a view for the build cache (`TemplateValue.fingerprint`): what a template can read is
/// what a page is made from.
package protocol TemplateView: TemplateViewModel, Sendable {}
