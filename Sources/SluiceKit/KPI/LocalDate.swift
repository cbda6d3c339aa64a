import Foundation

/// The civil date a timestamp falls on in a contract's time zone, so that an event is
/// counted in the period where it happened locally.
public enum LocalDate {
    /// The local date of `timestamp` in the IANA zone `timeZone`, or nil when the zone is unknown.
    ///
    /// A timestamp without an offset is already local wall-clock time: its date as written.
    /// One with an offset names an instant, which is converted with the zone's rules at that
    /// instant (daylight saving included). An unknown zone is nil even for a timestamp
    /// without an offset, so a misconfigured contract fails the same way whatever the data.
    public static func of(_ timestamp: CivilDateTime, timeZone: String) -> CivilDate? {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        guard let offset = timestamp.utcOffsetSeconds else { return timestamp.date }
        let secondsOfDay = timestamp.hour * 3600 + timestamp.minute * 60 + timestamp.second
        let utc = timestamp.date.daysSinceEpoch * 86_400 + secondsOfDay - offset
        let local = utc + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        return CivilDate(daysSinceEpoch: floorDivide(local, 86_400))
    }

    /// Whether `name` is a time zone this system knows.
    public static func isKnownZone(_ name: String) -> Bool {
        TimeZone(identifier: name) != nil
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
