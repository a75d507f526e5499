import Testing

@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct LineIndexTests {
    @Test func convertsByteOffsetsToLinesAndCharacterColumns() {
        let index = LineIndex("ab\n客户x\n\nz")
        #expect(index.position(ofByte: 0) == (1, 1))
        #expect(index.position(ofByte: 3) == (2, 1))
        #expect(index.position(ofByte: 9) == (2, 3))  // after two 3-byte characters
        #expect(index.position(ofByte: 12) == (4, 1))
    }
}
