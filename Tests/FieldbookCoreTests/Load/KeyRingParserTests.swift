import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookSeal

@Suite struct KeyRingParserTests {
    @Test func aKeysFileRoundTripsAndItsErrorsArePlaced() throws {
        let ring = KeyRing.random().adding(["ana", "ben"]).ring
        let (read, problems) = KeyRingParser.parse(ring.fileBytes, path: ".fieldbook/keys.json")
        #expect(problems.isEmpty && read == ring)
        let bad = #"{"format": "fieldbook-keys-1", "secret": "short", "readers": {"ana": 12}}"#
        let (none, errors) = KeyRingParser.parse(Array(bad.utf8), path: ".fieldbook/keys.json")
        #expect(none == nil)
        #expect(
            errors.map(\.description) == [
                ".fieldbook/keys.json:1:42: error: 'secret' must be 32 bytes in unpadded base64url (fieldbook keys makes them)",
                ".fieldbook/keys.json:1:70: error: the key of reader 'ana' must be 32 bytes in unpadded base64url (fieldbook keys makes them)",
            ])
    }

    @Test func anOtherFormatIsAnError() {
        let (ring, errors) = KeyRingParser.parse(Array(#"{"format": "other", "secret": "x"}"#.utf8), path: "keys.json")
        #expect(ring == nil)
        #expect(errors.first?.description == "keys.json:1:12: error: unknown keys file format \"other\" (this Fieldbook reads fieldbook-keys-1)")
    }
}
