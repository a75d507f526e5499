import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookMarkdown
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct HeadingSluggerTests {
    /// ASCII headings take a byte path; with an accented letter after them they take the general one: every ASCII
    /// character must come out the same on both.
    @Test func asciiPathMatchesTheGeneralRule() {
        for value in [0x09] + Array(0x20...0x7E) {
            let character = String(UnicodeScalar(UInt8(value)))
            #expect(HeadingSlugger.slug("a\(character)Z") + "é" == HeadingSlugger.slug("a\(character)Zé"), "\(value)")
        }
    }

    @Test(arguments: [
        ("Hello World", "hello-world"), ("What's next?", "whats-next"), ("  Trim  ", "trim"), ("A -- B", "a----b"),
        ("客户拜访 Plan", "客户拜访-plan"), ("Café Crème", "café-crème"), ("snake_case", "snake_case"), ("???", "section"),
    ])
    func slugsFollowGitHub(text: String, slug: String) {
        #expect(HeadingSlugger.slug(text.trimmingCharacters(in: .whitespaces)) == slug)
    }

    @Test func repeatsAreNumbered() {
        var slugger = HeadingSlugger()
        #expect(["FAQ", "FAQ", "FAQ-1", "FAQ"].map { slugger.id(for: $0) } == ["faq", "faq-1", "faq-1-1", "faq-2"])
    }

    /// The cache keys rendered Markdown by the library's version too: an upgraded cmark-gfm may render differently.
    @Test func theLibraryVersionIsKnown() {
        #expect(MarkdownRenderer.libraryVersion.contains(".gfm."))
    }
}
