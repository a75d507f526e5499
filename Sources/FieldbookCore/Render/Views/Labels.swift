/// The default theme's words in the portal's language.
public struct Labels: TemplateView {
    let locale: SiteConfig.Locale
    let words: [String: String]

    public init(_ locale: SiteConfig.Locale) {
        self.locale = locale
        words = locale == .simplifiedChinese ? Labels.chinese : Labels.english
    }

    public func field(_ name: String) -> Any? { words[name] }

    public subscript(_ key: String) -> String { words[key] ?? key }

    static let english: [String: String] = [
        "home": "Home", "library": "Library", "training": "Training", "playbooks": "Playbooks", "tags": "Tags",
        "previous": "Previous", "next": "Next", "onThisPage": "On this page", "updated": "Updated", "owner": "Owner",
        "lessonsHeading": "Lessons", "lessons": "lessons", "playbookCount": "playbooks", "lesson": "Lesson", "course": "Course",
        "playbook": "Playbook",
        "allRegions": "All regions", "notFoundTitle": "Page not found",
        "notFoundText": "The page you asked for does not exist. It may have moved when a playbook was updated.",
        "skipToContent": "Skip to content", "recentlyUpdated": "Recently updated", "courses": "Courses",
        "documentsTagged": "Documents tagged", "startCourse": "Start the course", "noDocuments": "Nothing here yet.",
        "mainNavigation": "Main navigation", "breadcrumb": "Breadcrumb", "draft": "Draft",
    ]

    static let chinese: [String: String] = [
        "home": "首页", "library": "知识库", "training": "培训", "playbooks": "销售手册", "tags": "标签",
        "previous": "上一课", "next": "下一课", "onThisPage": "本页目录", "updated": "更新于", "owner": "负责人",
        "lessonsHeading": "课时", "lessons": "课", "playbookCount": "篇", "lesson": "课时", "course": "课程", "playbook": "手册",
        "allRegions": "全部区域", "notFoundTitle": "页面不存在",
        "notFoundText": "您要找的页面不存在，可能已随手册更新而移动。",
        "skipToContent": "跳到正文", "recentlyUpdated": "最近更新", "courses": "课程",
        "documentsTagged": "标签下的文档", "startCourse": "开始学习", "noDocuments": "暂无内容。",
        "mainNavigation": "主导航", "breadcrumb": "位置", "draft": "草稿",
    ]
}

extension Labels {
    /// "Lesson 2 of 5" / "第 2 课，共 5 课".
    func lessonPosition(_ number: Int, of total: Int) -> String {
        locale == .simplifiedChinese ? "第 \(number) 课，共 \(total) 课" : "Lesson \(number) of \(total)"
    }

    /// "5 lessons" / "5 课", with `noun` a counting word of this table (`lessons`, `playbookCount`).
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(self[noun])" }
}
