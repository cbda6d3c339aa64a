import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct PeriodKeyTests {
        @Test(arguments: [
            // (date, length, label, start, end)
            ("2026-10-28", PeriodLength.month, "2026-10", "2026-10-01", "2026-10-31"),
            ("2026-11-01", .month, "2026-11", "2026-11-01", "2026-11-30"),
            ("2026-02-14", .month, "2026-02", "2026-02-01", "2026-02-28"),
            ("2028-02-29", .month, "2028-02", "2028-02-01", "2028-02-29"),
            ("2026-12-31", .month, "2026-12", "2026-12-01", "2026-12-31"),
            ("2026-10-28", .week, "2026-W44", "2026-10-26", "2026-11-01"),
            ("2026-10-26", .week, "2026-W44", "2026-10-26", "2026-11-01"),
            ("2026-11-01", .week, "2026-W44", "2026-10-26", "2026-11-01"),
            // 2026-01-01 is a Thursday: week 1 of 2026 starts on Monday 2025-12-29.
            ("2026-01-01", .week, "2026-W01", "2025-12-29", "2026-01-04"),
            ("2025-12-29", .week, "2026-W01", "2025-12-29", "2026-01-04"),
            // 2027-01-01 is a Friday: it still belongs to 2026's 53rd week.
            ("2027-01-01", .week, "2026-W53", "2026-12-28", "2027-01-03"),
            ("2027-01-03", .week, "2026-W53", "2026-12-28", "2027-01-03"),
            ("2027-01-04", .week, "2027-W01", "2027-01-04", "2027-01-10"),
            // 2021-01-03 (Sunday) is in 2020-W53; 2024-12-30 (Monday) is in 2025-W01.
            ("2021-01-03", .week, "2020-W53", "2020-12-28", "2021-01-03"),
            ("2024-12-30", .week, "2025-W01", "2024-12-30", "2025-01-05"),
            ("2026-10-28", .day, "2026-10-28", "2026-10-28", "2026-10-28"),
            ("2028-02-29", .day, "2028-02-29", "2028-02-29", "2028-02-29"),
        ])
        func containing(date: String, length: PeriodLength, label: String, start: String, end: String) {
            let key = PeriodKey.containing(day(date), length: length)
            #expect(key.label == label)
            #expect(key.length == length)
            #expect(key.start == day(start))
            #expect(key.end == day(end))
        }

        @Test(arguments: [
            ("2026-10-01", PeriodLength.month, "2026-11"),
            ("2026-12-01", .month, "2027-01"),
            ("2028-01-31", .month, "2028-02"),
            ("2026-12-28", .week, "2027-W01"),
            ("2026-12-21", .week, "2026-W53"),
            ("2025-12-22", .week, "2026-W01"),
            ("2028-02-28", .day, "2028-02-29"),
            ("2028-02-29", .day, "2028-03-01"),
            ("2026-02-28", .day, "2026-03-01"),
            ("2026-12-31", .day, "2027-01-01"),
        ])
        func next(date: String, length: PeriodLength, label: String) {
            let next = PeriodKey.containing(day(date), length: length).next()
            #expect(next.label == label)
            #expect(next.start == PeriodKey.containing(day(date), length: length).end.adding(days: 1))
        }

        @Test(arguments: [
            ("2026-02", PeriodLength.month, 28, "2026-02-01", "2026-02-28"),
            ("2028-02", .month, 29, "2028-02-01", "2028-02-29"),
            ("2026-10", .month, 31, "2026-10-01", "2026-10-31"),
            ("2026-W53", .week, 7, "2026-12-28", "2027-01-03"),
            ("2028-02-29", .day, 1, "2028-02-29", "2028-02-29"),
        ])
        func days(label: String, length: PeriodLength, count: Int, first: String, last: String) throws {
            let days = try #require(PeriodKey.parse(label: label, length: length)).days
            #expect(days.count == count)
            #expect(days.first == day(first))
            #expect(days.last == day(last))
            #expect(zip(days, days.dropFirst()).allSatisfy { $0.adding(days: 1) == $1 })
        }

        @Test(arguments: [
            ("2026-10", PeriodLength.month, "2026-10-01"),
            ("2028-02", .month, "2028-02-01"),
            ("2026-W01", .week, "2025-12-29"),
            ("2026-W44", .week, "2026-10-26"),
            ("2026-W53", .week, "2026-12-28"),
            ("2020-W53", .week, "2020-12-28"),
            ("2025-W01", .week, "2024-12-30"),
            ("2026-10-28", .day, "2026-10-28"),
            ("2028-02-29", .day, "2028-02-29"),
        ])
        func parse(label: String, length: PeriodLength, start: String) throws {
            let key = try #require(PeriodKey.parse(label: label, length: length))
            #expect(key.start == day(start))
            #expect(key.label == label)
            #expect(key == PeriodKey.containing(day(start), length: length))
        }

        @Test(arguments: [
            ("2026-13", PeriodLength.month),
            ("2026-00", .month),
            ("2026-1", .month),
            ("2026-10-01", .month),
            ("2026-W44", .month),
            ("26-10", .month),
            ("2026/10", .month),
            ("2027-W53", .week),  // 2027 has 52 weeks
            ("2025-W53", .week),  // 2025 has 52 weeks
            ("2026-W00", .week),
            ("2026-W54", .week),
            ("2026-W4", .week),
            ("2026-w44", .week),
            ("2026-10", .week),
            ("2026-02-29", .day),
            ("2026-10-32", .day),
            ("2026-10-2", .day),
            ("2026-10-28T00", .day),
            ("+026-10-28", .day),
            ("", .day),
        ])
        func parseRejects(label: String, length: PeriodLength) {
            #expect(PeriodKey.parse(label: label, length: length) == nil)
        }

        @Test(arguments: PeriodLength.allCases)
        func labelRoundTripsOverYears(length: PeriodLength) {
            var key = PeriodKey.containing(day("2019-12-01"), length: length)
            while key.start < day("2033-02-01") {
                #expect(PeriodKey.parse(label: key.label, length: length) == key, "\(key.label)")
                let next = key.next()
                #expect(next > key)
                #expect(next.start == key.end.adding(days: 1))
                key = next
            }
        }

        @Test func ordersChronologically() {
            let keys = ["2026-11", "2025-12", "2026-10", "2026-01"].map { PeriodKey.parse(label: $0, length: .month)! }
            #expect(keys.sorted().map(\.label) == ["2025-12", "2026-01", "2026-10", "2026-11"])
        }
    }
}
