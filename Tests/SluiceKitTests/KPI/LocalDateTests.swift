import Testing

@testable import SluiceKit

extension KPITests {
    @Suite struct LocalDateTests {
        /// `2026-10-28T00:30:00` with an offset in hours and minutes, or none.
        static func stamp(_ date: String, _ hour: Int, _ minute: Int, offsetMinutes: Int?) -> CivilDateTime {
            CivilDateTime(
                date: day(date), hour: hour, minute: minute, second: 0, utcOffsetSeconds: offsetMinutes.map { $0 * 60 })
        }

        @Test(arguments: [
            // No offset: the date as written, whatever the zone.
            (stamp("2026-10-28", 0, 30, offsetMinutes: nil), "Europe/London", "2026-10-28"),
            (stamp("2026-10-28", 23, 59, offsetMinutes: nil), "Pacific/Auckland", "2026-10-28"),
            (stamp("2026-10-28", 0, 0, offsetMinutes: nil), "America/New_York", "2026-10-28"),
            // +02:00 into London across midnight: 22:30Z is still the 27th in GMT…
            (stamp("2026-10-28", 0, 30, offsetMinutes: 120), "Europe/London", "2026-10-27"),
            // …and 23:30Z is already 1 July in BST but still 31 December in GMT.
            (stamp("2026-07-01", 1, 30, offsetMinutes: 120), "Europe/London", "2026-07-01"),
            (stamp("2026-07-01", 0, 30, offsetMinutes: 120), "Europe/London", "2026-06-30"),
            (stamp("2026-01-01", 1, 30, offsetMinutes: 120), "Europe/London", "2025-12-31"),
            // London's 2026 transitions: BST from 29 March 01:00Z, GMT from 25 October 01:00Z.
            (stamp("2026-03-28", 23, 30, offsetMinutes: 0), "Europe/London", "2026-03-28"),
            (stamp("2026-03-29", 23, 30, offsetMinutes: 0), "Europe/London", "2026-03-30"),
            (stamp("2026-03-29", 0, 59, offsetMinutes: 0), "Europe/London", "2026-03-29"),
            (stamp("2026-10-24", 23, 30, offsetMinutes: 0), "Europe/London", "2026-10-25"),
            (stamp("2026-10-25", 23, 30, offsetMinutes: 0), "Europe/London", "2026-10-25"),
            // New York's 2026 transitions: EDT until 1 November 06:00Z.
            (stamp("2026-11-01", 4, 30, offsetMinutes: 0), "America/New_York", "2026-11-01"),
            (stamp("2026-11-02", 4, 30, offsetMinutes: 0), "America/New_York", "2026-11-01"),
            (stamp("2026-03-08", 4, 30, offsetMinutes: 0), "America/New_York", "2026-03-07"),
            (stamp("2026-03-09", 4, 30, offsetMinutes: 0), "America/New_York", "2026-03-09"),
            // Half-hour zones and offsets; eastward across midnight.
            (stamp("2026-10-27", 18, 45, offsetMinutes: 0), "Asia/Kolkata", "2026-10-28"),
            (stamp("2026-10-28", 0, 15, offsetMinutes: 330), "UTC", "2026-10-27"),
            (stamp("2026-10-27", 20, 0, offsetMinutes: -240), "Australia/Sydney", "2026-10-28"),
            // Before 1970.
            (stamp("1969-12-31", 23, 30, offsetMinutes: 0), "UTC", "1969-12-31"),
            (stamp("1970-01-01", 0, 30, offsetMinutes: 60), "UTC", "1969-12-31"),
        ])
        func localDate(timestamp: CivilDateTime, zone: String, expected: String) {
            #expect(LocalDate.of(timestamp, timeZone: zone) == day(expected))
        }

        @Test(arguments: [
            stamp("2026-10-28", 0, 30, offsetMinutes: 120),
            stamp("2026-10-28", 0, 30, offsetMinutes: nil),
        ])
        func unknownZoneIsNil(timestamp: CivilDateTime) {
            #expect(LocalDate.of(timestamp, timeZone: "Mars/Olympus") == nil)
            #expect(LocalDate.of(timestamp, timeZone: "Europe/Londn") == nil)
            #expect(LocalDate.of(timestamp, timeZone: "") == nil)
        }

        @Test(arguments: [
            ("Europe/London", true),
            ("America/New_York", true),
            ("Asia/Kolkata", true),
            ("UTC", true),
            ("Mars/Olympus", false),
            ("Europe/Londn", false),
            ("", false),
        ])
        func knownZones(name: String, known: Bool) {
            #expect(LocalDate.isKnownZone(name) == known)
        }
    }
}
