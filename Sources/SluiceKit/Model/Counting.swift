/// Counts in messages, reports and the progress line, written one way everywhere.
public enum Counting {
    /// `1 file`, `3 files`; with `grouped`, `12,345 files`.
    public static func noun(_ number: Int, _ noun: String, grouped: Bool = false) -> String {
        "\(grouped ? Self.grouped(number) : String(number)) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A whole number with thousands separators (`12,345`), as people read counts.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
