import FieldbookModel
import FieldbookRender

/// The files of a new portal: settings, a sample course and playbook, small sample data, a README for managers and
/// one for `templates/` (the theme stays built in; `fieldbook theme copy` takes out the files a portal changes). Pure: the caller writes the files.
public enum PortalScaffold {
    /// Path in the new portal → contents. `today` dates the samples (the CLI passes the clock; the core never reads it).
    public static func files(title: String, locale: SiteConfig.Locale, today: Day) -> [String: [UInt8]] {
        let chinese = locale == .simplifiedChinese
        var files: [String: [UInt8]] = [:]
        func text(_ path: String, _ content: String) { files[path] = Array(content.utf8) }
        let date = today.description
        text(
            "fieldbook.json",
            """
            {
              "title": \(JSONOutput.quoted(title)),
              "baseURL": "/",
              "locale": "\(locale.rawValue)",
              "currency": "\(chinese ? "CNY" : "USD")",
              "pipeline": { "stages": { "prospecting": 0.1, "engaging": 0.3, "proposal": 0.6 } },
              "markdown": { "unsafeHTML": false }
            }

            """)
        // Not a copy of the theme: a copied theme stops receiving fixes on upgrade. The README says how to replace one file.
        text("templates/README.md", ThemeFiles.readme(chinese: chinese))
        let course = chinese ? "入门" : "Getting started"
        text(
            "content/training/getting-started/index.md",
            "{\"title\": \(JSONOutput.quoted(course)), \"description\": \(JSONOutput.quoted(chinese ? "新同事的第一门课程。" : "The first course for new reps.")), \"updated\": \"\(date)\"}\n\n"
                + (chinese ? "欢迎！按顺序学习下面的课时。\n" : "Welcome! Work through the lessons below in order.\n"))
        text(
            "content/training/getting-started/01-welcome.md",
            "{\"tags\": [\"onboarding\"], \"updated\": \"\(date)\", \"kpis\": [\"deals_won\"]}\n"
                + (chinese
                    ? "# 欢迎加入\n\n## 第一周\n\n- [ ] 登录 CRM\n- [ ] 阅读[报价手册](../../playbooks/global/pricing.md)\n\n继续学习[第二课](02-first-call.md)。\n"
                    : "# Welcome to the team\n\n## Your first week\n\n- [ ] Log in to the CRM\n- [ ] Read the [pricing playbook](../../playbooks/global/pricing.md)\n\nContinue with [your first call](02-first-call.md).\n")
        )
        text(
            "content/training/getting-started/02-first-call.md",
            "{\"tags\": [\"discovery\"], \"updated\": \"\(date)\", \"kpis\": [\"win_rate\"]}\n"
                + (chinese
                    ? "# 第一次客户拜访\n\n## 准备\n\n| 步骤 | 内容 |\n|---|---|\n| 1 | 了解客户 |\n| 2 | 准备问题 |\n"
                    : "# Your first call\n\n## Prepare\n\n| Step | What |\n|---|---|\n| 1 | Research the account |\n| 2 | Write three questions |\n"))
        text(
            "content/playbooks/global/index.md",
            "{\"title\": \(JSONOutput.quoted(chinese ? "通用手册" : "Global playbooks"))}\n\n"
                + (chinese ? "- [报价与折扣](pricing.md)\n" : "- [Pricing and discounts](pricing.md)\n"))
        text(
            "content/playbooks/global/pricing.md",
            "{\"tags\": [\"pricing\"], \"updated\": \"\(date)\"}\n"
                + (chinese
                    ? "# 报价与折扣\n\n| 折扣 | 审批人 |\n|---|---|\n| 10% 以内 | 销售本人 |\n| 10% 以上 | 区域经理 |\n"
                    : "# Pricing and discounts\n\n| Discount | Approves |\n|---|---|\n| up to 10% | You |\n| over 10% | Regional manager |\n"))
        text(
            "content/data/team.json",
            """
            {"regions": [{"id": "north", "name": "\(chinese ? "北区" : "North")", "manager": "morgan"}],
             "managers": [{"id": "morgan", "name": "\(chinese ? "王经理" : "Morgan Lee")", "region": "north"}],
             "reps": [{"id": "alex", "name": "\(chinese ? "李明" : "Alex Kim")", "region": "north"},
                      {"id": "sam", "name": "\(chinese ? "张华" : "Sam Ortiz")", "region": "north"}]}

            """)
        let month = Period(kind: .month, firstMonth: today.monthNumber)
        let previous = month.previous
        text(
            "content/data/deals.json",
            """
            [{"id": "D-1", "rep": "alex", "account": "Harbor Logistics", "stage": "won", "amount": 12000, "created": "\(previous.firstDay)", "closed": "\(previous.lastDay)"},
             {"id": "D-2", "rep": "sam", "account": "Maple Supply", "stage": "lost", "amount": 8000, "created": "\(previous.firstDay)", "closed": "\(month.firstDay)"},
             {"id": "D-3", "rep": "sam", "account": "Kestrel Parts", "stage": "won", "amount": 9500, "created": "\(previous.firstDay)", "closed": "\(today)"},
             {"id": "D-4", "rep": "alex", "account": "Aurora Pharma", "stage": "proposal", "amount": 15000, "created": "\(month.firstDay)", "expected_close": "\(month.lastDay)"}]

            """)
        let quarter = FiscalCalendar().label(FiscalCalendar().period(.quarter, containing: today.monthNumber))
        text(
            "content/data/targets.json",
            // A team target, which names no rep: importing the real team keeps it valid (reps' targets can follow).
            "[{\"team\": true, \"period\": \"\(quarter)\", \"revenue\": 60000}]\n"
        )
        text(
            "README.md",
            chinese
                ? "# \(title)\n\n这是一个 Fieldbook 销售门户。\n\n- 课程在 `content/training/<课程>/`，手册在 `content/playbooks/<区域>/`，都是 Markdown。\n- `fieldbook new lesson getting-started \"标题\"` 新建课时；`fieldbook serve` 预览；`fieldbook build` 生成 `public/`。\n- 业绩数据在 `content/data/`（JSON），可用 `fieldbook import deals 导出.csv` 从 CRM 导入。\n"
                : "# \(title)\n\nA Fieldbook sales portal.\n\n- Courses live in `content/training/<course>/`, playbooks in `content/playbooks/<region>/`, all Markdown.\n- `fieldbook new lesson getting-started \"Title\"` adds a lesson; `fieldbook serve` previews; `fieldbook build` writes `public/`.\n- Performance data lives in `content/data/` (JSON); `fieldbook import deals export.csv` brings it from a CRM.\n- Before you push, `fieldbook check` finds broken links and bad data.\n"
        )
        text(".gitignore", "public/\n.fieldbook/\n.fieldbook-spare-*/\n")
        return files
    }
}
