/// A theme's files: Mustache templates by name and the assets copied into the output as they are.
package struct Theme: Sendable {
    package var templates: [String: TemplateSource]
    package var assets: [AssetSource]

    package init(templates: [String: TemplateSource] = [:], assets: [AssetSource] = []) {
        self.templates = templates
        self.assets = assets
    }
}
