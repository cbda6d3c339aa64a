import Foundation

/// The request an associate sends a vendor, in plain English: one sentence per file to
/// resend, missing submission or missing KPI, lists shortened with "and N more".
enum WorklistRequest {
    /// Problems named per sentence before the rest is summed up.
    static let clausesPerSentence = 5

    /// The whole message for one vendor's items.
    static func text(vendor: String, items: [WorklistItem]) -> String {
        guard !vendor.isEmpty else { return unknownVendorNote(items) }
        var sentences: [String] = []
        for item in items where item.problem == .quarantinedFile {
            let file = baseName(item.examples.first?.file ?? "")
            // The reason without the hints meant for whoever keeps the rules
            // (`…; declare the feed's format: xlsx`); the first part always stays.
            let parts = item.detail.components(separatedBy: "; ")
            let reason = ([parts[0]] + parts.dropFirst().filter { !$0.contains("feed") }).joined(separator: "; ")
            sentences.append("We could not use \(file): \(reason). Please fix it and send it again.")
        }
        sentences += missingSubmissions(items.filter { $0.problem == .missingSubmission })
        sentences += resends(items.filter { $0.problem.isFieldProblem })
        sentences += missingKPIs(items.filter { $0.problem == .missingKPI })
        for item in items where item.problem == .conflictingKPI {
            sentences.append(
                "Please confirm which \(item.period) figure for \(item.field) is right: it was reported with different values (\(item.detail.replacingOccurrences(of: "reported with different values at ", with: "")))."
            )
        }
        for item in items where item.problem == .earlySubmission {
            sentences.append(
                "Please confirm that the \(item.period) \(item.feed) (\(files(item.examples))) is complete: it arrived before the period ended."
            )
        }
        for item in items where item.problem == .lateSubmission {
            sentences.append("For your information, the \(item.period) \(item.feed) arrived late (\(item.detail)).")
        }
        guard !sentences.isEmpty else { return "" }
        return "Hello \(vendor),\n\n" + sentences.joined(separator: "\n") + "\n\nThank you."
    }

    /// One "Please resend" sentence per feed and period.
    private static func resends(_ items: [WorklistItem]) -> [String] {
        var order: [String] = []
        var byFile: [String: [WorklistItem]] = [:]
        for item in items {
            let id = "\(item.feed)\u{1F}\(item.period)"
            if byFile[id] == nil { order.append(id) }
            byFile[id, default: []].append(item)
        }
        return order.map { id in
            let group = byFile[id]!
            let first = group[0]
            let what = first.period.isEmpty ? "the \(first.feed)" : "the \(first.period) \(first.feed)"
            let clauses = group.map(clause)
            var shown = Array(clauses.prefix(clausesPerSentence))
            if clauses.count > clausesPerSentence {
                shown.append("\(clauses.count - clausesPerSentence) more problems listed in the worklist")
            }
            return "Please resend \(what) (\(files(group.flatMap(\.examples)))): \(list(shown, separator: "; "))."
        }
    }

    /// `'Handle time' is missing on rows 14, 22 and 31`.
    static func clause(_ item: WorklistItem) -> String {
        let places = self.places(item)
        let values = item.examples.compactMap(\.value).filter { !$0.isEmpty }.map { "'\($0)'" }
        let shownValues =
            values.isEmpty ? "" : " (\(values.joined(separator: ", "))\(item.count > values.count ? ", …" : ""))"
        switch item.problem {
        case .missingValue: return "'\(item.field)' is missing \(places)"
        case .repeatedValue: return "'\(item.field)' is repeated \(places)\(shownValues)"
        case .ambiguousValue:
            return "'\(item.field)' is ambiguous \(places)\(shownValues) (please write dates as yyyy-MM-dd)"
        case .badRow:
            return "\(item.count == 1 ? "a row has" : "rows have") the wrong number of values (\(places.dropFirst(3)))"
        default: return "'\(item.field)' is not valid \(places)\(shownValues)"
        }
    }

    /// `on row 6`, `on rows 6 and 9`, `on records 3, 4, 5 and 2 more`.
    static func places(_ item: WorklistItem) -> String {
        let numbers = item.examples.compactMap(\.number).map(String.init)
        guard !numbers.isEmpty else { return "in \(files(item.examples))" }
        let noun = item.examples.first?.isRecord == true ? "record" : "row"
        return "on \(noun)\(item.count == 1 ? "" : "s") " + shortened(numbers, total: item.count)
    }

    private static func missingSubmissions(_ items: [WorklistItem]) -> [String] {
        var order: [String] = []
        var byFeed: [String: [WorklistItem]] = [:]
        for item in items {
            if byFeed[item.feed] == nil { order.append(item.feed) }
            byFeed[item.feed, default: []].append(item)
        }
        return order.map { feed in
            let group = byFeed[feed]!
            let due = group[0].detail.components(separatedBy: " (").first ?? ""
            if group.count == 1 {
                return "Please send the \(group[0].period) \(feed), which was \(due) and has not arrived."
            }
            let periods = shortened(group.map(\.period), total: group.count)
            return "Please send the \(feed) for \(periods), which have not arrived (the first was \(due))."
        }
    }

    private static func missingKPIs(_ items: [WorklistItem]) -> [String] {
        var order: [String] = []
        var byPeriod: [String: [String]] = [:]
        for item in items {
            if byPeriod[item.period] == nil { order.append(item.period) }
            byPeriod[item.period, default: []].append(item.field)
        }
        return order.map { period in
            let names = byPeriod[period]!
            let plural = names.count > 1
            return
                "Please send the \(period) value\(plural ? "s" : "") of \(shortened(names, total: names.count)), which \(plural ? "are" : "is") missing."
        }
    }

    /// Files nobody could be told the vendor of: a note for the associate, not a message.
    private static func unknownVendorNote(_ items: [WorklistItem]) -> String {
        let lines = items.map { "\(baseName($0.examples.first?.file ?? "")): \($0.detail)" }
        guard !lines.isEmpty else { return "" }
        return "These files could not be matched to a vendor; find out who sent them:\n"
            + lines.map { "- " + $0 }.joined(separator: "\n")
    }

    /// The distinct file names of the places, shortened.
    static func files(_ examples: [WorklistExample]) -> String {
        var names: [String] = []
        for example in examples where !names.contains(baseName(example.file)) { names.append(baseName(example.file)) }
        return shortened(names, total: names.count)
    }

    /// `a`, `a and b`, `a, b and c`; with more than shown: `a, b, c and 4 more`.
    static func shortened(_ shown: [String], total: Int) -> String {
        let more = total - shown.count
        if more > 0 { return shown.joined(separator: ", ") + " and \(more) more" }
        return list(shown, separator: ", ")
    }

    /// `a`, `a and b`, `a, b and c` (with `separator` between all but the last two).
    static func list(_ parts: [String], separator: String) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        let last = separator == ", " ? " and " : "; and "
        return parts.dropLast().joined(separator: separator) + last + parts.last!
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension WorklistItem.Problem {
    /// A problem with values in a file that the vendor fixes by resending it.
    var isFieldProblem: Bool {
        switch self {
        case .missingValue, .invalidValue, .repeatedValue, .ambiguousValue, .badRow: return true
        default: return false
        }
    }
}
