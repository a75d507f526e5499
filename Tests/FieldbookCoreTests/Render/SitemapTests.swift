import Testing

@testable import FieldbookModel
@testable import FieldbookRender

/// `sitemap.xml`, one file up to the protocol's 50,000 URLs, an index of numbered files past it (here with a limit of 2).
@Suite struct SitemapTests {
    let site = SiteView(config: SiteConfig(title: "T", baseURL: "/sales/"))
    let entries = ["e", "a", "d", "b", "c"].map { SitemapEntry(url: "/sales/\($0)/", lastModified: nil) }

    @Test func upToTheLimitOneFile() {
        let files = PageRenderer.sitemap(entries, site: site, limit: 5)
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(String(decoding: files[0].bytes, as: UTF8.self).components(separatedBy: "<url>").count == 6)
    }

    @Test func pastTheLimitAnIndexOfNumberedFiles() {
        let files = PageRenderer.sitemap(entries, site: site, limit: 2)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(index.contains("<sitemapindex"))
        #expect(index.contains("<sitemap><loc>/sales/sitemap-3.xml</loc></sitemap>"))
        // Sorted by URL across the files: a and b, c and d, e.
        #expect(String(decoding: files[2].bytes, as: UTF8.self).contains("<loc>/sales/c/</loc></url>\n  <url><loc>/sales/d/</loc>"))
        #expect(String(decoding: files[3].bytes, as: UTF8.self).components(separatedBy: "<url>").count == 2)
    }
}
