import FieldbookModel
import FieldbookTemplates

/// The default theme's words in the portal's language.
package struct Labels: TemplateView {
    let locale: SiteConfig.Locale
    let words: [String: String]
    /// The words in the order of `keys`, for templates: `{{labels.home}}` finds its index once, when compiled.
    private let ordered: [String]

    package init(_ locale: SiteConfig.Locale) {
        self.locale = locale
        let words = locale == .simplifiedChinese ? Labels.chinese : Labels.english
        self.words = words
        ordered = Labels.keys.map { words[$0] ?? $0 }
    }

    /// Every word's key (the English words': every locale has them).
    private static let keys = english.keys.sorted()
    private static let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })

    package static let templateSchema = TemplateSchema.keyed(
        Self.self, shape: .text, names: keys, index: { index[$0] }, lookup: { labels, index, _ in .text(labels.ordered[index]) },
        contents: { labels in zip(keys, labels.ordered).map { ($0, .text($1)) } })

    package subscript(_ key: String) -> String { words[key] ?? key }

    func has(_ key: String) -> Bool { words[key] != nil }

    static let english: [String: String] = [
        "home": "Home", "library": "Library", "training": "Training", "playbooks": "Playbooks", "tags": "Tags",
        "previous": "Previous", "next": "Next", "onThisPage": "On this page", "updated": "Updated", "owner": "Owner",
        "lessonsHeading": "Lessons", "lessons": "lessons", "lessons.one": "lesson", "playbookCount": "playbooks", "playbookCount.one": "playbook",
        "lesson": "Lesson", "course": "Course",
        "playbook": "Playbook",
        "allRegions": "All regions", "notFoundTitle": "Page not found",
        "notFoundText": "The page you asked for does not exist. It may have moved when a playbook was updated.",
        "skipToContent": "Skip to content", "recentlyUpdated": "Recently updated", "courses": "Courses",
        "documentsTagged": "Documents tagged", "startCourse": "Start the course", "noDocuments": "Nothing here yet.",
        "mainNavigation": "Main navigation", "breadcrumb": "Breadcrumb", "draft": "Draft",
        "dashboard": "Team dashboard", "dataAsOf": "Data as of",
        "staleDays": "These figures are {n} days old.", "staleYear": "These figures are a year old.",
        "staleYears": "These figures are {n} years old.", "soFar": "so far", "onTrack": "On track", "atRisk": "At risk",
        "behind": "Behind", "target": "Target", "attainment": "Attainment", "vs": "vs", "last12Months": "last 13 months",
        "attainmentByRegion": "Revenue attainment by region", "revenueTrend": "Revenue by month against target", "revenueByMonth": "Revenue by month",
        "forecast": "Forecast",
        "runRate": "Run rate", "pipelineForecast": "Pipeline", "forecastRange": "Range",
        "runRateHow": "revenue so far, scaled to the whole period",
        "pipelineHow": "revenue so far plus open deals expected to close in time, weighted by probability",
        "leaderboard": "Leaderboard", "repsAtRisk": "Reps at risk", "recentWins": "Recent wins", "reps": "Reps", "rep": "Rep",
        "region": "Region", "regions": "Regions", "manager": "Manager", "managers": "Managers", "revenue": "Revenue", "winRate": "Win rate",
        "trend": "Trend", "status": "Status", "rank": "Rank", "rankInRegion": "Rank in region", "rankInTeam": "Rank in team",
        "openDeals": "Open deals", "trainingProgress": "Training progress", "recommended": "Recommended lessons", "account": "Account",
        "product": "Product", "stage": "Stage", "amount": "Amount", "closed": "Closed", "expectedClose": "Expected close",
        "probability": "Probability", "regionPlaybooks": "Playbooks for this region", "team": "Team", "sortHint": "Select a column heading to sort.",
        "figures": "Key figures", "nothingAtRisk": "No rep is behind on revenue.",
        "openWithoutAmount": "open deals without an amount, left out", "openWithoutAmount.one": "open deal without an amount, left out",
        "openAtListPrice": "open deals valued at list price", "openAtListPrice.one": "open deal valued at list price",
        "atListPrice": "(list price)", "repsWithTarget": "of {n} reps have a target", "repsWithTarget.one": "of {n} reps has a target",
        "noRevenueTargets": "No rep has a revenue target for this period, so nobody can be behind on one.", "noTarget": "no target",
        "noWins": "No deals won in the last 30 days.",
        "noOpenDeals": "No open deals.", "search": "Search", "searchPlaceholder": "Search playbooks, lessons, reps… (press /)",
        "searchNoScript": "Search needs JavaScript, which is off in this browser. Every document is listed in the", "noResults": "Nothing found.",
        "kindLessons": "Lessons", "kindPlaybooks": "Playbooks", "kindCourses": "Courses", "kindReps": "Reps", "kindRegions": "Regions",
        "taskDone": "Done", "taskOpen": "To do",
        "sameDays": ", same days", "largestWins": "Largest wins", "noWinsInPeriod": "No deals won in this period.", "yearToDate": "Year to date",
        "latestPeriod": "Latest", "allPeriods": "All periods", "periods": "Periods", "previousPeriod": "Previous period", "nextPeriod": "Next period",
        "pipelineHealth": "Pipeline health", "openByStage": "Open pipeline by stage", "stageUnknown": "Stage unknown (closed later)",
        "deals": "Deals", "value": "Value", "coverage": "Coverage",
        "coverageHow": "open pipeline ÷ {remaining} still to win this period; weighted {weighted}", "medianAge": "Median age of open deals",
        "staleDeals": "Stale deals", "staleHow": "open longer than the typical won cycle ({days})", "slippingDeals": "Past expected close",
        "slippingHow": "open deals whose expected close has passed", "byProduct": "By product", "noProduct": "No product", "won": "Won",
        "cycle": "Sales cycle", "stale": "Stale", "slipping": "Past expected close", "age": "Age",
        "toDiscuss": "Deals to discuss",
        "below": "below {n}", "andAbove": "{n} and above", "attainmentDistribution": "Reps by revenue attainment",
        "withoutRevenueTarget": "reps without a revenue target, left out", "withoutRevenueTarget.one": "rep without a revenue target, left out",
        "regionsSideBySide": "Regions side by side", "comparedWithPeers": "Compared with peers", "regionMedian": "Region median",
        "teamMedian": "Team median", "dueByNow": "Due by now", "whatToWorkOn": "What to work on",
        "nothingToWorkOn": "Nothing is behind its target or the region's median this period.", "notes": "Notes", "readNext": "Read",
        "kpi": "KPI", "partlyCovered": "The data begins in {month}: this period holds only part of its months, and nothing is compared with it.",
        "fromRollups":
            "These figures come from the warehouse's rollups: the deals behind them (lists of deals, the pipeline by stage, wins) are not in this portal.",
        "fromRollupsAndExtract":
            "These figures come from the warehouse's rollups, and the lists of deals from its extract of the largest deals: the pipeline by stage, deal age and products need every deal and are not in this portal.",
        "winsWall": "Wins wall", "thisWeek": "This week", "thisMonth": "This month",
        "noWinsThisWeek": "No deals won in the last 7 days.", "noWinsThisMonth": "No deals won this month yet.", "records": "Records",
        "largestDeal": "Largest deal", "mostImproved": "Most improved", "dealsWon": "Deals won", "pipeline": "Pipeline",
        "medianHow": "Medians of the reps who have a figure for the period.",
        "noStageHistory":
            "Conversion from each stage to won needs each deal's stage history, which the data does not have; the probabilities are the ones set in fieldbook.json.",
        "behindFigures": "Behind the figures", "listWon": "Won", "listLost": "Lost", "listCreated": "Created", "listOpen": "Open on {date}",
        "largestOf": "The {limit} largest of {n} deals are listed.", "dealCount": "deals", "dealCount.one": "deal", "byRep": "By rep",
        "byRegion": "By region", "created": "Created", "deal": "Deal", "downloadCSV": "Download CSV", "name": "Name",
        "report": "Report", "whoMoved": "Who moved", "dealsWonTitle": "Deals won", "risks": "Risks", "ofTarget": "of target",
        "plainText": "Plain text to paste", "copy": "Copy", "copied": "Copied", "reports": "Reports", "colon": ": ",
        "privatePage": "Private page", "privateOpening": "Opening…", "privateTitle": "This page is private",
        "privateHow": "Open it with your personal link to the portal. If you have none, ask your manager or the portal's owner for one.",
        "privateNotYours": "The key saved in this browser does not open this page.", "privateForget": "Forget the key saved in this browser",
        "privateDamaged": "This page could not be opened",
        "privateDamagedHow":
            "It is damaged, or it was made with keys that have since changed. Reload it; if that does not help, ask the portal's owner.",
        "privateNoScript": "Private pages are decrypted in your browser: turn on JavaScript to open this one.",
        "namesPrivate": "Reps' own figures are on private pages: open yours, your team's or your region's with your personal link.",
    ]

    static let chinese: [String: String] = [
        "home": "首页", "library": "知识库", "training": "培训", "playbooks": "销售手册", "tags": "标签",
        "previous": "上一课", "next": "下一课", "onThisPage": "本页目录", "updated": "更新于", "owner": "负责人",
        "lessonsHeading": "课时", "lessons": "课", "lessons.one": "课", "playbookCount": "篇", "playbookCount.one": "篇", "lesson": "课时", "course": "课程",
        "playbook": "手册",
        "allRegions": "全部区域", "notFoundTitle": "页面不存在",
        "notFoundText": "您要找的页面不存在，可能已随手册更新而移动。",
        "skipToContent": "跳到正文", "recentlyUpdated": "最近更新", "courses": "课程",
        "documentsTagged": "标签下的文档", "startCourse": "开始学习", "noDocuments": "暂无内容。",
        "mainNavigation": "主导航", "breadcrumb": "位置", "draft": "草稿",
        "dashboard": "团队看板", "dataAsOf": "数据截至",
        "staleDays": "这些数据已是 {n} 天前的。", "staleYear": "这些数据已是 1 年前的。", "staleYears": "这些数据已是 {n} 年前的。", "soFar": "截至目前", "onTrack": "达标",
        "atRisk": "有风险",
        "behind": "落后", "target": "目标", "attainment": "完成率", "vs": "对比", "last12Months": "近 13 个月",
        "attainmentByRegion": "各区域收入完成率", "revenueTrend": "月度收入与目标", "revenueByMonth": "月度收入", "forecast": "预测",
        "runRate": "按进度推算", "pipelineForecast": "按商机推算", "forecastRange": "区间",
        "runRateHow": "以目前收入按时间进度推算全期", "pipelineHow": "目前收入加上预计在期内成交的在途商机（按赢率加权）",
        "leaderboard": "排行榜", "repsAtRisk": "需要关注的销售", "recentWins": "近期赢单", "reps": "销售代表", "rep": "销售代表",
        "region": "区域", "regions": "区域", "manager": "经理", "managers": "经理", "revenue": "收入", "winRate": "赢率",
        "trend": "趋势", "status": "状态", "rank": "排名", "rankInRegion": "区域排名", "rankInTeam": "团队排名",
        "openDeals": "在途商机", "trainingProgress": "培训进度", "recommended": "推荐课程", "account": "客户",
        "product": "产品", "stage": "阶段", "amount": "金额", "closed": "成交日期", "expectedClose": "预计成交",
        "probability": "赢率", "regionPlaybooks": "本区域销售手册", "team": "团队", "sortHint": "点击列标题排序。",
        "figures": "关键指标", "nothingAtRisk": "没有收入落后的销售代表。",
        "openWithoutAmount": "个未填金额的进行中商机未计入", "openWithoutAmount.one": "个未填金额的进行中商机未计入",
        "openAtListPrice": "个进行中商机按目录价估值", "openAtListPrice.one": "个进行中商机按目录价估值",
        "atListPrice": "（目录价）", "repsWithTarget": "/ {n} 名销售代表设有目标", "repsWithTarget.one": "/ {n} 名销售代表设有目标",
        "noRevenueTargets": "本期没有为销售代表设定收入目标，无法判断谁落后。", "noTarget": "无目标", "noWins": "近 30 天没有赢单。",
        "noOpenDeals": "没有在途商机。", "search": "搜索", "searchPlaceholder": "搜索手册、课程、销售代表…（按 / 键）",
        "searchNoScript": "搜索需要 JavaScript，当前浏览器已关闭。全部文档见", "noResults": "没有找到结果。",
        "kindLessons": "课时", "kindPlaybooks": "销售手册", "kindCourses": "课程", "kindReps": "销售代表", "kindRegions": "区域", "taskDone": "已完成",
        "taskOpen": "待办",
        "sameDays": "同期", "largestWins": "最大赢单", "noWinsInPeriod": "本期没有赢单。", "yearToDate": "年初至今",
        "latestPeriod": "最新", "allPeriods": "全部期间", "periods": "期间", "previousPeriod": "上一期", "nextPeriod": "下一期",
        "pipelineHealth": "商机健康度", "openByStage": "各阶段在途商机", "stageUnknown": "阶段未知（之后已关闭）",
        "deals": "商机数", "value": "金额", "coverage": "覆盖倍数",
        "coverageHow": "在途商机金额 ÷ 本期尚需完成的 {remaining}；加权 {weighted}", "medianAge": "在途商机账龄中位数",
        "staleDeals": "停滞商机", "staleHow": "在途时间超过典型赢单周期（{days}）", "slippingDeals": "已过预计成交日",
        "slippingHow": "预计成交日已过仍未关闭的商机", "byProduct": "按产品", "noProduct": "无产品", "won": "赢单",
        "cycle": "销售周期", "stale": "停滞", "slipping": "已过预计成交日", "age": "账龄",
        "toDiscuss": "待讨论的商机",
        "below": "低于 {n}", "andAbove": "{n} 及以上", "attainmentDistribution": "销售代表收入完成率分布",
        "withoutRevenueTarget": "名未设收入目标的销售代表未计入", "withoutRevenueTarget.one": "名未设收入目标的销售代表未计入",
        "regionsSideBySide": "区域对比", "comparedWithPeers": "与同事对比", "regionMedian": "区域中位数",
        "teamMedian": "团队中位数", "dueByNow": "截至目前应完成", "whatToWorkOn": "改进重点",
        "nothingToWorkOn": "本期没有落后于目标或区域中位数的指标。", "notes": "备注", "readNext": "学习",
        "kpi": "指标", "partlyCovered": "数据从{month}开始：本期只包含部分月份，也不与其他期间比较。",
        "fromRollups": "这些数字来自数据仓库的汇总：其背后的商机明细（商机列表、按阶段的管道、赢单）不在本门户中。",
        "fromRollupsAndExtract": "这些数字来自数据仓库的汇总，商机列表来自其金额最大商机的摘录：按阶段的管道、商机账龄和产品需要全部商机，不在本门户中。",
        "winsWall": "赢单墙", "thisWeek": "本周", "thisMonth": "本月",
        "noWinsThisWeek": "近 7 天没有赢单。", "noWinsThisMonth": "本月还没有赢单。", "records": "纪录",
        "largestDeal": "最大单", "mostImproved": "进步最大", "dealsWon": "赢单数", "pipeline": "商机金额", "medianHow": "中位数取本期有该指标数据的销售代表。",
        "noStageHistory": "各阶段到赢单的转化率需要每个商机的阶段历史，数据中没有；赢率为 fieldbook.json 中的设定。",
        "behindFigures": "数据明细", "listWon": "赢单", "listLost": "输单", "listCreated": "新建", "listOpen": "{date} 在途",
        "largestOf": "列出 {n} 个商机中金额最大的 {limit} 个。", "dealCount": "个商机", "dealCount.one": "个商机", "byRep": "按销售代表",
        "byRegion": "按区域", "created": "创建日期", "deal": "商机", "downloadCSV": "下载 CSV", "name": "名称",
        "report": "报告", "whoMoved": "变化最大", "dealsWonTitle": "赢单", "risks": "风险", "ofTarget": "目标完成",
        "plainText": "可粘贴的纯文本", "copy": "复制", "copied": "已复制", "reports": "报告", "colon": "：",
        "privatePage": "私密页面", "privateOpening": "正在打开…", "privateTitle": "此页面为私密页面",
        "privateHow": "请使用您的个人门户链接打开。如果没有，请向您的经理或门户管理员索取。",
        "privateNotYours": "此浏览器中保存的密钥无法打开此页面。", "privateForget": "清除此浏览器中保存的密钥",
        "privateDamaged": "无法打开此页面", "privateDamagedHow": "页面已损坏，或其密钥已更换。请刷新；如仍无法打开，请联系门户管理员。",
        "privateNoScript": "私密页面在浏览器中解密：请启用 JavaScript 后打开。",
        "namesPrivate": "销售代表的个人数据在私密页面中：请用您的个人链接打开您自己、您团队或您区域的页面。",
    ]
}

extension Labels {
    /// The name of a built-in KPI in the portal's language; nil for metrics, which bring their own label.
    func kpiLabel(_ id: String) -> String? {
        let english = [
            "revenue": "Revenue", "deals_won": "Deals won", "deals_lost": "Deals lost", "win_rate": "Win rate", "avg_deal_size": "Average deal size",
            "cycle_days": "Sales cycle", "open_deals": "Open deals", "pipeline": "Pipeline", "weighted_pipeline": "Weighted pipeline",
            "deals_created": "Deals created",
        ]
        let chinese = [
            "revenue": "收入", "deals_won": "赢单数", "deals_lost": "输单数", "win_rate": "赢率", "avg_deal_size": "平均单额",
            "cycle_days": "销售周期", "open_deals": "在途商机", "pipeline": "商机金额", "weighted_pipeline": "加权商机",
            "deals_created": "新建商机",
        ]
        return (locale == .simplifiedChinese ? chinese : english)[id]
    }

    /// "Lesson 2 of 5" / "第 2 课，共 5 课".
    func lessonPosition(_ number: Int, of total: Int) -> String {
        locale == .simplifiedChinese ? "第 \(number) 课，共 \(total) 课" : "Lesson \(number) of \(total)"
    }

    /// "5 lessons" / "5 课", with `noun` a counting word of this table (`lessons`, `playbookCount`).
    /// `1 lesson`, `2 lessons`, `3 课`: a language with a singular form has it under `noun.one`. `written` is the number
    /// as the page writes it ("1,204"), when not as digits alone.
    func count(_ number: Int, _ noun: String, written: String? = nil) -> String {
        let singular = noun + ".one"
        return "\(written ?? "\(number)") \(number == 1 && has(singular) ? self[singular] : self[noun])"
    }
}
