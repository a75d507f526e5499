import Testing

@testable import FieldbookRender

@Suite struct LabelsTests {
    @Test func countsAgreeWithTheirNumber() {
        #expect(Labels(.english).count(1, "lessons") == "1 lesson")
        #expect(Labels(.english).count(2, "lessons") == "2 lessons")
        #expect(Labels(.english).count(1, "playbookCount") == "1 playbook")
        #expect(Labels(.english).count(0, "playbookCount") == "0 playbooks")
        #expect(Labels(.simplifiedChinese).count(1, "lessons") == "1 课")
    }

    @Test func everyWordExistsInBothLanguages() {
        #expect(Set(Labels.english.keys) == Set(Labels.chinese.keys))
    }

    @Test func positionsReadNaturally() {
        #expect(Labels(.english).lessonPosition(2, of: 5) == "Lesson 2 of 5")
        #expect(Labels(.simplifiedChinese).lessonPosition(2, of: 5) == "第 2 课，共 5 课")
    }
}
