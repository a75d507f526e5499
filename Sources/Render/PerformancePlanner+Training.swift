import FieldbookModel

/// A scorecard's training: progress per course and the lessons recommended for KPIs the rep is behind on.
extension PerformancePlanner {
    /// Lessons completed per course: every course when the library has at most `allCoursesUpTo`, else the courses
    /// the rep has started (a scorecard listing three hundred courses would be mostly empty bars).
    func progress(of rep: String, lessons: LessonLookup) -> [ProgressView] {
        var counts = [Int](repeating: 0, count: lessons.courses.count)
        for lesson in lessonsDone[rep] ?? [] {
            if let course = lessons.courseOfLesson[lesson] { counts[course] += 1 }
        }
        let listAll = lessons.courses.count <= Self.allCoursesUpTo
        return zip(lessons.courses, counts).enumerated().filter { listAll || $0.element.1 > 0 }.map { index, pair in
            let (course, count) = pair
            let title = lessons.courseTitles[index]
            return ProgressView(
                course: title, url: site.url(course.url), done: "\(count) / \(course.lessons.count)",
                bullet: charts.bullet(
                    id: "training-\(course.id)", title: title, actual: Double(count), target: Double(course.lessons.count),
                    maximum: Double(max(course.lessons.count, 1)), format: { String(Int($0)) }))
        }
    }

    /// Courses a scorecard lists whether or not the rep has started them.
    static let allCoursesUpTo = 12
    /// Recommended lessons a scorecard lists at most.
    static let recommendedLimit = 10
    /// Playbooks a scorecard lists at most (its region's page lists them all).
    static let scorecardPlaybookLimit = 10

    /// Lessons whose front matter names a KPI on which the rep is behind, not yet completed: the first
    /// `recommendedLimit` in library order.
    func recommended(for index: Int, current: Int, lessons: LessonLookup) -> [LinkView] {
        let figures = board.reps[index].periods[current]
        let behind = board.kpis.indices.filter { status(figures, $0) == .behind }.map { board.kpis[$0].id }
        let done = lessonsDone[data.team.reps[index].id] ?? []
        func open(_ position: Int) -> Bool { !done.contains(lessons.lessonIDs[position]) }
        // Each KPI's list is in library order, so the first few open lessons of each are enough to merge.
        let candidates = Set(behind.flatMap { (lessons.byKPI[$0] ?? []).lazy.filter(open).prefix(Self.recommendedLimit) }).sorted()
        return candidates.prefix(Self.recommendedLimit).map { position in
            let document = lessons.documents[position]
            return LinkView(title: document.title, url: site.url(document.document.url))
        }
    }
}
