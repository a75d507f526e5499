import FieldbookRender

/// The built-in theme's files as a portal's `templates/` folder names them (`pages/lesson.mustache`,
/// `assets/fieldbook.css`), for `fieldbook theme`: a portal copies only the files it means to change, and keeps
/// receiving fixes to the rest when Fieldbook is upgraded.
package enum ThemeFiles {
    /// Every built-in file by its path below `templates/`, sorted.
    package static var paths: [String] { files.keys.sorted() }

    /// The built-in text of one file, or nil for a path the theme does not have.
    package static func bytes(of path: String) -> [UInt8]? { files[path] }

    /// Path below `templates/` → bytes.
    static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for template in DefaultTheme.templates.values {
            // "(built-in theme)/pages/lesson.mustache" → "pages/lesson.mustache"
            files[String(template.path.dropFirst("(built-in theme)/".count))] = Array(template.text.utf8)
        }
        for asset in DefaultTheme.assets {
            if case .bytes(let bytes) = asset.origin { files[asset.outputPath] = bytes }
        }
        return files
    }()

    /// `templates/README.md` of a new portal: how to replace one file of the built-in theme.
    static func readme(chinese: Bool) -> String {
        let list = paths.map { "- `\($0)`" }.joined(separator: "\n")
        if chinese {
            return """
                # 模板

                门户使用 Fieldbook 内置的主题。这个文件夹里的文件会逐个替换内置主题的同名文件，其余文件仍由内置主题提供，\
                升级 Fieldbook 时会自动得到修复。只复制你要修改的文件：

                ```sh
                fieldbook theme copy partials/footer.mustache   # 写入 templates/partials/footer.mustache
                fieldbook theme                                 # 列出内置文件，并标出本门户替换了哪些
                ```

                模板语法与每个页面可用的字段见 Fieldbook 的 docs/themes.md。内置文件：

                \(list)

                """
        }
        return """
            # Templates

            This portal uses Fieldbook's built-in theme. A file in this folder replaces the built-in file of the same \
            name, one by one; everything else stays built in and keeps receiving fixes when Fieldbook is upgraded. Copy \
            only the files you mean to change:

            ```sh
            fieldbook theme copy partials/footer.mustache   # writes templates/partials/footer.mustache
            fieldbook theme                                 # lists the built-in files and which ones this portal replaces
            ```

            Fieldbook's docs/themes.md describes the template language and every page's fields. The built-in files:

            \(list)

            """
    }
}
