import Testing

@testable import SluiceKit

private func bound(_ raw: String, _ kind: ValueKind, _ configure: (inout FieldSpec) -> Void = { _ in }) -> String? {
    var field = FieldSpec(name: "f", kind: kind)
    configure(&field)
    return try! ValueNormaliser(field: field).parseBound(raw)?.cleanText
}

extension NormaliseTests {
    @Suite struct ParseBoundTests {
        @Test func boundsParseWithTheFieldsParser() {
            #expect(bound("0", .integer) == "0")
            #expect(bound("1,000", .integer) { $0.thousandsSeparator = "," } == "1000")
            #expect(bound("12.5", .decimal) == "12.5")
            #expect(bound("03/10/2026", .date) { $0.formats = ["dd/MM/yyyy"] } == "2026-10-03")
            #expect(bound("05:00", .duration) == "300")
            #expect(bound("x", .integer) == nil)
            #expect(bound("N/A", .integer) == nil)
        }

        @Test func boundsFallBackToTheCanonicalForm() {
            #expect(bound("2026-10-03", .date) { $0.formats = ["dd/MM/yyyy"] } == "2026-10-03")
            #expect(
                bound("2026-10-03T00:00:00", .timestamp) { $0.formats = ["dd/MM/yyyy HH:mm"] } == "2026-10-03T00:00:00")
            #expect(bound("99.5", .decimal) { $0.decimalSeparator = "," } == "99.5")
            #expect(bound("99,5", .decimal) { $0.decimalSeparator = "," } == "99.5")
        }

        @Test func percentBoundsAreAlwaysPoints() {
            #expect(bound("100", .percent) { $0.percentScale = .fraction } == "100")
            #expect(bound("95%", .percent) { $0.percentScale = .fraction } == "95")
            #expect(bound("0.925", .percent) == "0.925")
        }
    }
}
