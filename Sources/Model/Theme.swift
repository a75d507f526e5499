/// A theme's files: Mustache templates by name and the assets copied into the output as they are.
public struct Theme: Sendable {
    public var templates: [String: TemplateSource]
    public var assets: [AssetSource]

    public init(templates: [String: TemplateSource] = [:], assets: [AssetSource] = []) {
        self.templates = templates
        self.assets = assets
    }
}
