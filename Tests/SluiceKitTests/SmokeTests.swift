import Testing

@testable import SluiceKit

@Test func severityOrder() {
    #expect(Severity.error < Severity.warning)
}
