import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        baseURL: "/portal/",
        documentURLs: [
            "content/training/onboarding/01-welcome.md": "library/training/onboarding/welcome/",
            "content/playbooks/emea/pricing.md": "library/playbooks/emea/pricing/",
        ],
        draftPaths: ["content/training/onboarding/03-draft.md"],
        sourcePaths: ["content/notes.md"],
        contentFiles: ["content/training/onboarding/funnel.png"])

    private func resolve(_ destination: String) -> LinkResolver.Resolution {
        resolver.resolve(MarkdownLink(destination: destination, line: 4, column: 7, isImage: false), from: "content/training/onboarding/02-next.md")
    }

    @Test(arguments: [
        ("01-welcome.md", "/portal/library/training/onboarding/welcome/"),
        ("./01-welcome.md#agenda", "/portal/library/training/onboarding/welcome/#agenda"),
        ("../../playbooks/emea/pricing.md", "/portal/library/playbooks/emea/pricing/"),
        ("funnel.png", "/portal/library/training/onboarding/funnel.png"),
        ("https://crm.example.com/x", "https://crm.example.com/x"),
        ("mailto:sales@example.com", "mailto:sales@example.com"),
        ("//cdn.example.com/x", "//cdn.example.com/x"),
        ("/tags/crm/", "/portal/tags/crm/"),
        ("#local", "#local"),
    ])
    func rewritesToPublishedURLs(destination: String, url: String) {
        let resolution = resolve(destination)
        #expect(resolution.url == url)
        #expect(resolution.problem == nil)
    }

    @Test func anchorsAreLeftForCheckingOnceHeadingsAreKnown() {
        #expect(resolve("01-welcome.md#%E5%AE%A2%E6%88%B7").anchor?.fragment == "客户")
        #expect(resolve("01-welcome.md#%E5%AE%A2%E6%88%B7").anchor?.path == "content/training/onboarding/01-welcome.md")
        #expect(resolve("#local").anchor?.path == "content/training/onboarding/02-next.md")
    }

    @Test(arguments: [
        ("missing.md", "content/training/onboarding/02-next.md:4:7: error: broken link: content/training/onboarding/missing.md does not exist"),
        (
            "03-draft.md",
            "content/training/onboarding/02-next.md:4:7: warning: link to content/training/onboarding/03-draft.md, a draft that is not published"
        ),
        (
            "../../notes.md",
            "content/training/onboarding/02-next.md:4:7: error: broken link: content/notes.md is not published (it is not in a course or shelf)"
        ),
        ("../../../../etc/passwd", "content/training/onboarding/02-next.md:4:7: error: link \"../../../../etc/passwd\" points outside the portal"),
    ])
    func reportsWhatIsWrong(destination: String, message: String) {
        #expect(resolve(destination).problem?.description == message)
    }
}
