/// Parses date and timestamp fields against every declared format, refusing values the formats
/// read differently.
///
/// Every format is tried for every value (not first-match-wins): `03/04/2026` under `dd/MM/yyyy`
/// and `MM/dd/yyyy` is two different invoices, so it becomes an `ambiguous-date` problem rather
/// than a silent guess. Values the formats agree on (`04/04/2026`) or only one reads (`13/04/2026`)
/// are fine.
struct TemporalParser: Sendable {
    let formats: [DateFormat]
    /// The compiled bodies alone, matched in the hot loop (no pattern strings to retain).
    let bodies: [DateFormat.Body]
    /// Per format, its one-pass layout when every part has a fixed width.
    let layouts: [FixedDateLayout?]
    let timestamp: Bool
    let decimalSeparator: UInt8

    init(field: FieldSpec) throws(FormatError) {
        timestamp = field.kind == .timestamp
        let declared = field.formats.isEmpty ? [DateFormat.iso8601Name] : field.formats
        var formats: [DateFormat] = []
        for pattern in declared {
            formats.append(try DateFormat(compiling: pattern, timestamp: timestamp))
        }
        self.formats = formats
        bodies = formats.map(\.body)
        layouts = bodies.map { body in
            if case .tokens(let tokens) = body { return FixedDateLayout(tokens) }
            return nil
        }
        decimalSeparator = field.decimalSeparator.asciiValue ?? UInt8(ascii: ".")
    }

    func parse(_ bytes: Bytes, raw: String) -> ValueOutcome {
        switch read(bytes, raw: raw) {
        case .success(let value): return .value(timestamp ? .timestamp(value) : .date(value.date))
        case .failure(let problem): return .invalid(problem)
        }
    }

    /// The one value all matching formats agree on, or the problem.
    func read(_ bytes: Bytes, raw: String) -> Result<CivilDateTime, ValueProblem> {
        var found: (value: CivilDateTime, format: Int)?
        var fault: (fault: DateFormat.Fault, format: Int)?
        for index in bodies.indices {
            let match =
                layouts[index]?.match(bytes)
                ?? DateFormat.match(bodies[index], bytes, timestamp: timestamp, decimalSeparator: decimalSeparator)
            switch match {
            case .value(let value):
                if let first = found {
                    if first.value != value {
                        return .failure(ambiguous(raw, first: first, second: (value, index)))
                    }
                } else {
                    found = (value, index)
                }
            case .fault(let reason):
                if fault == nil { fault = (reason, index) }
            case .noMatch:
                break
            }
        }
        if let found { return .success(found.value) }
        if let fault { return .failure(problem(raw, fault: fault.fault, format: formats[fault.format].pattern)) }
        return .failure(noMatch(raw))
    }

    private var noun: String { timestamp ? "date and time" : "date" }

    private func text(_ value: CivilDateTime) -> String {
        timestamp ? value.description : value.date.description
    }

    private func ambiguous(
        _ raw: String, first: (value: CivilDateTime, format: Int), second: (value: CivilDateTime, format: Int)
    ) -> ValueProblem {
        ValueProblem(
            ruleID: "ambiguous-date",
            message: "\(quoted(raw)) reads as \(text(first.value)) under \(formats[first.format].pattern) "
                + "and as \(text(second.value)) under \(formats[second.format].pattern)",
            hint: "ask the vendor for ISO dates (yyyy-MM-dd) or declare only the format they use")
    }

    private func noMatch(_ raw: String) -> ValueProblem {
        let list = formats.map(\.pattern).joined(separator: ", ")
        let message =
            formats.count == 1
            ? "\(quoted(raw)) does not match the declared format \(list)"
            : "\(quoted(raw)) does not match any declared format (\(list))"
        return .type(message, hint: "declare the format the vendor uses, or ask for ISO dates (yyyy-MM-dd)")
    }

    private func problem(_ raw: String, fault: DateFormat.Fault, format: String) -> ValueProblem {
        switch fault {
        case .notRealDate:
            return .type(
                "\(quoted(raw)) is not a real date", hint: "check the day and month against the format \(format)")
        case .notRealTime:
            return .type(
                "\(quoted(raw)) is not a real time of day",
                hint: "hours run 0–23 (1–12 with AM/PM), minutes and seconds 0–59, offsets up to 18:00")
        case .lotusSerial:
            return .type(
                "\(quoted(raw)) is an excel serial before 1900-03-01, which excel dates wrongly (its 1900 leap-year bug)",
                hint: "ask the vendor for ISO dates (yyyy-MM-dd)")
        case .serialHasTime:
            return .type(
                "\(quoted(raw)) has a time of day, but the field is a date",
                hint: "declare the field as a timestamp, or ask the vendor for whole-day serials")
        case .serialOutOfRange:
            return .type(
                "\(quoted(raw)) is not an excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)",
                hint: "check the column holds dates")
        }
    }
}
