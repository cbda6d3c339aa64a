import Foundation

/// Guesses a column's kind, formats and separators by running the real value parsers of
/// `Normalise/` over every distinct value seen: a kind is proposed only if its parser accepts
/// them all, so the draft reads the sample without a single type finding.
struct KindGuesser {
    /// The feed-wide number format guessed from every column (see ``NumberStyle``).
    let numbers: NumberStyle

    /// Date formats tried, most specific first; the first that reads every value wins.
    static let dateFormats = [
        "iso-8601", "dd.MM.yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "d.M.yyyy", "d/M/yyyy", "M/d/yyyy", "dd-MM-yyyy",
        "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM", "MMM yyyy", "dd MMM yyyy", "d MMM yyyy", "MM/yyyy",
    ]
    /// Timestamp formats tried.
    static let timestampFormats = [
        "iso-8601", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd/MM/yyyy HH:mm:ss",
        "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "MM/dd/yyyy h:mm a", "MM/dd/yyyy h:mm:ss a",
        "yyyy/MM/dd HH:mm:ss",
    ]

    /// The draft of one field for a column.
    func guess(_ profile: ColumnProfile) -> FeedDraft.Field.Kind {
        let values = profile.distinct
        guard !values.isEmpty else { return .text }
        if isBoolean(values) { return .boolean }
        let hasLeadingZero = values.contains {
            $0.count > 1 && $0.hasPrefix("0") && !$0.contains(where: { ".,:".contains($0) })
        }
        let allPercentSigns = values.allSatisfy { $0.hasSuffix("%") }
        let percentHeader = profile.header.contains("%")
        if allPercentSigns || percentHeader, accepts(.percent, values) {
            let fraction =
                !allPercentSigns && values.allSatisfy { Self.isFraction($0) }
                && values.contains { $0 != "0" && $0 != "1" }
            if fraction && accepts(.percent, values, scale: .fraction) { return .percent(scale: .fraction) }
            return .percent(scale: .points)
        }
        if !hasLeadingZero && accepts(.integer, values) { return .integer }
        if !hasLeadingZero && accepts(.decimal, values) && values.allSatisfy({ !$0.contains("(") }) { return .decimal }
        if values.allSatisfy({ $0.contains(":") }) && accepts(.duration, values) {
            return .duration
        }
        if let (format, others) = firstFormat(Self.dateFormats, kind: .date, values) {
            return .date(format: format, alternatives: others)
        }
        if let (format, others) = firstFormat(Self.timestampFormats, kind: .timestamp, values) {
            return .timestamp(format: format, alternatives: others)
        }
        if let values = enumValues(profile) { return .enumeration(values) }
        return .text
    }

    /// For a column left as text: the kind most of its values read as (four in five or more)
    /// and up to three values that do not, so the user sees the stray values to ask about
    /// (`'1O'` in a column of numbers) instead of a silent `text`.
    func nearMiss(_ profile: ColumnProfile) -> (kind: String, strays: [String])? {
        let values = profile.distinct
        guard values.count >= 5 else { return nil }
        var candidates: [(String, ValueKind, [String])] = [("integer", .integer, []), ("decimal", .decimal, [])]
        candidates += Self.dateFormats.map { ("date '\($0)'", .date, [$0]) }
        candidates += Self.timestampFormats.map { ("timestamp '\($0)'", .timestamp, [$0]) }
        for (name, kind, formats) in candidates {
            let strays = values.filter { !accepts(kind, [$0], formats: formats) }
            if !strays.isEmpty && strays.count * 5 <= values.count { return (name, Array(strays.prefix(3))) }
        }
        return nil
    }

    /// Few distinct values, each repeated: a coded column.
    private func enumValues(_ profile: ColumnProfile) -> [String]? {
        let distinct = profile.distinct
        guard !profile.distinctOverflow, distinct.count >= 2, distinct.count <= 10,
            profile.valueCount >= 2 * distinct.count,
            distinct.allSatisfy({ $0.count <= 40 })
        else { return nil }
        // Spellings that differ only in case are one value to the enum parser.
        guard Set(distinct.map { $0.lowercased() }).count == distinct.count else { return nil }
        return distinct
    }

    private func isBoolean(_ values: [String]) -> Bool {
        let tokens = Set((FieldSpec.defaultTrueTokens + FieldSpec.defaultFalseTokens).map { $0.lowercased() })
        let lowered = values.map { $0.lowercased() }
        return lowered.allSatisfy { tokens.contains($0) } && lowered.contains { $0 != "0" && $0 != "1" }
    }

    private static func isFraction(_ value: String) -> Bool {
        guard let number = Double(value.replacingOccurrences(of: ",", with: ".")) else { return false }
        return number >= 0 && number <= 1
    }

    /// Whether the parser of `kind` reads every value.
    func accepts(_ kind: ValueKind, _ values: [String], scale: PercentScale = .points, formats: [String] = []) -> Bool {
        var field = FieldSpec(
            name: "x", kind: kind, formats: formats, decimalSeparator: numbers.decimalSeparator,
            thousandsSeparator: numbers.thousandsSeparator, percentScale: scale)
        field.nullTokens = FieldSpec.defaultNullTokens
        guard let normaliser = try? ValueNormaliser(field: field) else { return false }
        return values.allSatisfy { if case .value = normaliser.normalise($0) { true } else { false } }
    }

    /// The first format that reads every value, and the others that read them all too but
    /// differently (an ambiguity to settle with the vendor: `03/04/2026` under `dd/MM/yyyy` and
    /// `MM/dd/yyyy`); formats that only spell the same reading otherwise (`d.M.yyyy`) are left out.
    private func firstFormat(_ formats: [String], kind: ValueKind, _ values: [String]) -> (String, [String])? {
        let readings = formats.compactMap { format in readAll(kind, values, format: format).map { (format, $0) } }
        guard let first = readings.first else { return nil }
        var seen = [first.1]
        var others: [String] = []
        for (format, reading) in readings.dropFirst() where !seen.contains(reading) {
            seen.append(reading)
            others.append(format)
        }
        return (first.0, others)
    }

    /// Every value as the parser of `kind` with one format reads it, or nil if one does not read.
    private func readAll(_ kind: ValueKind, _ values: [String], format: String) -> [String]? {
        let field = FieldSpec(name: "x", kind: kind, formats: [format])
        guard let normaliser = try? ValueNormaliser(field: field) else { return nil }
        var readings: [String] = []
        for value in values {
            guard case .value(let normalised) = normaliser.normalise(value) else { return nil }
            readings.append(normalised.cleanText)
        }
        return readings
    }
}

/// The decimal and thousands separators of a file's numbers, guessed from the values that
/// look like numbers: `82,4` is evidence of a decimal comma, `82.4` of a decimal point;
/// `1.234` with a decimal comma shows a thousands point.
struct NumberStyle: Sendable, Hashable {
    var decimalSeparator: Character = "."
    var thousandsSeparator: Character?

    /// The style of a file's values (every column's distinct values).
    static func guess(_ columns: [[String]]) -> NumberStyle {
        var comma = 0
        var point = 0
        var numeric: [String] = []
        for values in columns {
            for raw in values {
                let value = raw.trimmingCharacters(in: CharacterSet(charactersIn: " %()+-"))
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
                    value.first!.isNumber, value.last!.isNumber
                else { continue }
                numeric.append(value)
                let commas = value.filter { $0 == "," }.count
                let points = value.filter { $0 == "." }.count
                if commas == 1 && points == 0, let digits = value.split(separator: ",").last, digits.count != 3 {
                    comma += 1
                } else if points == 1 && commas == 0, let digits = value.split(separator: ".").last, digits.count != 3 {
                    point += 1
                } else if commas == 1 && points >= 1 {
                    // 1.234,5 or 1,234.5: the last separator is the decimal one.
                    if value.lastIndex(of: ",")! > value.lastIndex(of: ".")! { comma += 1 } else { point += 1 }
                }
            }
        }
        var style = NumberStyle()
        if comma > point { style.decimalSeparator = "," }
        let grouping = style.decimalSeparator == "," ? "." : ","
        let grouped = numeric.contains { value in
            let integerPart = value.split(separator: style.decimalSeparator, omittingEmptySubsequences: false)[0]
            let groups = integerPart.split(separator: Character(grouping), omittingEmptySubsequences: false)
            return groups.count > 1 && groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
        }
        if grouped { style.thousandsSeparator = Character(grouping) }
        return style
    }
}
