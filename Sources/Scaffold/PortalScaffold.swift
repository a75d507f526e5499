import FieldbookModel
import FieldbookRender

/// The files of a new portal: settings, a sample course and playbook, small sample data, a README for managers and
/// one for `templates/` (the theme stays built in; `fieldbook theme copy` takes out the files a portal changes). Pure: the caller writes the files.
package enum PortalScaffold {
    /// Path in the new portal → contents. `today` dates the samples (the CLI passes the clock; the core never reads it).
    package static func files(title: String, locale: SiteConfig.Locale, today: Day) -> [String: [UInt8]] {
        let chinese = locale == .simplifiedChinese
        let date = today.description
        let texts = [
            "fieldbook.json": settings(title: title, locale: locale),
            // Not a copy of the theme: a copied theme stops receiving fixes on upgrade. The README says how to replace one file.
            "templates/README.md": ThemeFiles.readme(chinese: chinese),
            "content/training/getting-started/index.md": courseIntro(chinese: chinese, date: date),
            "content/training/getting-started/01-welcome.md": welcomeLesson(chinese: chinese, date: date),
            "content/training/getting-started/02-first-call.md": firstCallLesson(chinese: chinese, date: date),
            "content/playbooks/global/index.md": shelfIntro(chinese: chinese),
            "content/playbooks/global/pricing.md": pricingPlaybook(chinese: chinese, date: date),
            "content/data/team.json": team(chinese: chinese),
            "content/data/deals.json": deals(today: today),
            "content/data/targets.json": targets(today: today),
            "README.md": readme(title: title, chinese: chinese),
            ".gitignore": gitignore,
        ]
        return texts.mapValues { Array($0.utf8) }
    }
}
