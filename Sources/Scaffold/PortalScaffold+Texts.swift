import FieldbookModel

/// The texts of a new portal's files, one function each, so `PortalScaffold.files` reads as the list of files.
extension PortalScaffold {
    /// `fieldbook.json`: the title, locale and currency, and the stages of the sample pipeline.
    static func settings(title: String, locale: SiteConfig.Locale) -> String {
        let chinese = locale == .simplifiedChinese
        return """
            {
              "title": \(JSONOutput.quoted(title)),
              "baseURL": "/",
              "locale": "\(locale.rawValue)",
              "currency": "\(chinese ? "CNY" : "USD")",
              "pipeline": { "stages": { "prospecting": 0.1, "engaging": 0.3, "proposal": 0.6 } },
              "markdown": { "unsafeHTML": false }
            }

            """
    }

    /// The sample course's introduction.
    static func courseIntro(chinese: Bool, date: String) -> String {
        let course = chinese ? "入门" : "Getting started"
        return
            "{\"title\": \(JSONOutput.quoted(course)), \"description\": \(JSONOutput.quoted(chinese ? "新同事的第一门课程。" : "The first course for new reps.")), \"updated\": \"\(date)\"}\n\n"
            + (chinese ? "欢迎！按顺序学习下面的课时。\n" : "Welcome! Work through the lessons below in order.\n")
    }

    /// The sample course's first lesson, which links to the pricing playbook and the next lesson.
    static func welcomeLesson(chinese: Bool, date: String) -> String {
        "{\"tags\": [\"onboarding\"], \"updated\": \"\(date)\", \"kpis\": [\"deals_won\"]}\n"
            + (chinese
                ? "# 欢迎加入\n\n## 第一周\n\n- [ ] 登录 CRM\n- [ ] 阅读[报价手册](../../playbooks/global/pricing.md)\n\n继续学习[第二课](02-first-call.md)。\n"
                : "# Welcome to the team\n\n## Your first week\n\n- [ ] Log in to the CRM\n- [ ] Read the [pricing playbook](../../playbooks/global/pricing.md)\n\nContinue with [your first call](02-first-call.md).\n")
    }

    /// The sample course's second lesson, with a table.
    static func firstCallLesson(chinese: Bool, date: String) -> String {
        "{\"tags\": [\"discovery\"], \"updated\": \"\(date)\", \"kpis\": [\"win_rate\"]}\n"
            + (chinese
                ? "# 第一次客户拜访\n\n## 准备\n\n| 步骤 | 内容 |\n|---|---|\n| 1 | 了解客户 |\n| 2 | 准备问题 |\n"
                : "# Your first call\n\n## Prepare\n\n| Step | What |\n|---|---|\n| 1 | Research the account |\n| 2 | Write three questions |\n")
    }

    /// The global playbook shelf's introduction.
    static func shelfIntro(chinese: Bool) -> String {
        "{\"title\": \(JSONOutput.quoted(chinese ? "通用手册" : "Global playbooks"))}\n\n"
            + (chinese ? "- [报价与折扣](pricing.md)\n" : "- [Pricing and discounts](pricing.md)\n")
    }

    /// The sample playbook: who approves a discount.
    static func pricingPlaybook(chinese: Bool, date: String) -> String {
        "{\"tags\": [\"pricing\"], \"updated\": \"\(date)\"}\n"
            + (chinese
                ? "# 报价与折扣\n\n| 折扣 | 审批人 |\n|---|---|\n| 10% 以内 | 销售本人 |\n| 10% 以上 | 区域经理 |\n"
                : "# Pricing and discounts\n\n| Discount | Approves |\n|---|---|\n| up to 10% | You |\n| over 10% | Regional manager |\n")
    }

    /// `team.json`: one region, its manager and two reps.
    static func team(chinese: Bool) -> String {
        """
        {"regions": [{"id": "north", "name": "\(chinese ? "北区" : "North")", "manager": "morgan"}],
         "managers": [{"id": "morgan", "name": "\(chinese ? "王经理" : "Morgan Lee")", "region": "north"}],
         "reps": [{"id": "alex", "name": "\(chinese ? "李明" : "Alex Kim")", "region": "north"},
                  {"id": "sam", "name": "\(chinese ? "张华" : "Sam Ortiz")", "region": "north"}]}

        """
    }

    /// `deals.json`: won, lost and open deals dated around `today`.
    static func deals(today: Day) -> String {
        let month = Period(kind: .month, firstMonth: today.monthNumber)
        let previous = month.previous
        return """
            [{"id": "D-1", "rep": "alex", "account": "Harbor Logistics", "stage": "won", "amount": 12000, "created": "\(previous.firstDay)", "closed": "\(previous.lastDay)"},
             {"id": "D-2", "rep": "sam", "account": "Maple Supply", "stage": "lost", "amount": 8000, "created": "\(previous.firstDay)", "closed": "\(month.firstDay)"},
             {"id": "D-3", "rep": "sam", "account": "Kestrel Parts", "stage": "won", "amount": 9500, "created": "\(previous.firstDay)", "closed": "\(today)"},
             {"id": "D-4", "rep": "alex", "account": "Aurora Pharma", "stage": "proposal", "amount": 15000, "created": "\(month.firstDay)", "expected_close": "\(month.lastDay)"}]

            """
    }

    /// `targets.json`: a team target, which names no rep, so importing the real team keeps it valid (reps' targets
    /// can follow).
    static func targets(today: Day) -> String {
        let quarter = FiscalCalendar().label(FiscalCalendar().period(.quarter, containing: today.monthNumber))
        return "[{\"team\": true, \"period\": \"\(quarter)\", \"revenue\": 60000}]\n"
    }

    /// `README.md`: for managers, what is where and the commands they need.
    static func readme(title: String, chinese: Bool) -> String {
        chinese
            ? "# \(title)\n\n这是一个 Fieldbook 销售门户。\n\n- 课程在 `content/training/<课程>/`，手册在 `content/playbooks/<区域>/`，都是 Markdown。\n- `fieldbook new lesson getting-started \"标题\"` 新建课时；`fieldbook serve` 预览；`fieldbook build` 生成 `public/`。\n- 业绩数据在 `content/data/`（JSON），可用 `fieldbook import deals 导出.csv` 从 CRM 导入。\n"
            : "# \(title)\n\nA Fieldbook sales portal.\n\n- Courses live in `content/training/<course>/`, playbooks in `content/playbooks/<region>/`, all Markdown.\n- `fieldbook new lesson getting-started \"Title\"` adds a lesson; `fieldbook serve` previews; `fieldbook build` writes `public/`.\n- Performance data lives in `content/data/` (JSON); `fieldbook import deals export.csv` brings it from a CRM.\n- Before you push, `fieldbook check` finds broken links and bad data.\n"
    }

    /// `.gitignore`: the built site and the build's own folders.
    static let gitignore = "public/\n.fieldbook/\n.fieldbook-spare-*/\n"
}
