import Foundation

/// What `sluice preview` shows: a file read, mapped, normalised and checked exactly as a run
/// would, without writing anything. What an associate runs when onboarding a vendor.
public struct Preview: Sendable {
    /// The feed the file was read with.
    public var feed: FeedSpec
    /// The header as read, and its line.
    public var header: [String]
    public var headerLine: Int
    /// Which column feeds each field.
    public var binding: HeaderBinding
    /// The first records.
    public var records: [ValidatedRecord]
    /// Whether there were more records than shown.
    public var truncated: Bool
    /// How the file was read (encoding and delimiter for CSV).
    public var reading: String

    /// Reads up to `limit` records of a file with a feed (named, or routed by the file name).
    public static func make(
        file: URL, rules: RuleSet, feedName: String?, displayBase: URL?, limit: Int
    ) throws(SluiceError) -> Preview {
        let display = DisplayPath.of(file, relativeTo: displayBase)
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw .input(path: display, message: "no such file, or it cannot be read")
        }
        let name: String
        if let feedName {
            guard rules.feed(named: feedName) != nil else {
                let known = rules.feeds.map(\.name)
                let hint = DidYouMean.clause(for: feedName, among: known)
                throw .input(
                    path: display,
                    message: "no feed named '\(feedName)'\(hint) (feeds: \(known.joined(separator: ", ")))")
            }
            name = feedName
        } else {
            switch FeedRouter(feeds: rules.feeds).route(fileName: file.lastPathComponent) {
            case .feed(let routed): name = routed
            case .unrouted: throw .input(path: display, message: "file name matches no feed; name one with --feed")
            case .ambiguous(let names):
                throw .input(
                    path: display,
                    message: "file name matches several feeds (\(names.joined(separator: ", "))); name one with --feed")
            }
        }
        let checker = try Pipeline.compile(RuleSet(feeds: rules.feeds.filter { $0.name == name }))[name]!
        let feed = checker.feed.reading(fileName: file.lastPathComponent)
        var reader: any RecordReader
        do {
            reader = try ReaderFactory.reader(for: file, displayPath: display, feed: feed)
        } catch {
            throw .input(path: display, message: error.message)
        }
        // Keyed formats (XML, JSON) have no header row: the first record's keys stand for it.
        var header = reader.fixedHeader ?? []
        var binder = RecordBinder(feed: checker.feed, header: reader.fixedHeader)
        var shownBinding = binder.binding  // the binding the preview shows: the header's, or the first record's
        var records: [ValidatedRecord] = []
        var truncated = false
        do {
            while let raw = try reader.next() {
                guard records.count < limit else {
                    truncated = true
                    break
                }
                let binding = binder.bind(raw)
                if reader.fixedHeader == nil && records.isEmpty {
                    header = raw.fields.map(\.key)
                    shownBinding = binding
                }
                records.append(checker.validate(raw, binding: binding, file: display))
            }
        } catch {
            throw .input(path: display, message: error.message)
        }
        return Preview(
            feed: feed, header: header, headerLine: reader.headerLine, binding: shownBinding,
            records: records, truncated: truncated, reading: reader.readingDescription)
    }

    /// The preview as text: the header binding, then each record's fields with raw and
    /// normalised values and their findings.
    public var text: String {
        let how = [feed.format.rawValue, reading].filter { !$0.isEmpty }.joined(separator: ", ")
        let headerNote = headerLine > 0 ? ", header on line \(headerLine)" : ""
        var lines = ["feed '\(feed.name)': \(how)\(headerNote)"]
        let width = feed.fields.map(\.name.count).max() ?? 0
        for (index, field) in feed.fields.enumerated() {
            let source =
                binding.columns[index].map {
                    headerLine > 0 ? "column \($0 + 1) '\(header[$0])'" : "key '\(header[$0])'"
                }
                ?? (headerLine > 0 ? "no column" : "by key")
            lines.append(
                "  \(field.name.padding(toLength: width, withPad: " ", startingAt: 0))  ← \(source) (\(field.kind.rawValue))"
            )
        }
        for (index, name) in binding.unclaimed {
            lines.append(
                headerLine > 0 ? "  (column \(index + 1) '\(name)' is not read)" : "  (key '\(name)' is not read)")
        }
        for record in records {
            let verdict = record.isRejected ? "rejected" : "accepted"
            lines.append("")
            lines.append("record \(record.raw.number) (line \(record.raw.line)): \(verdict), vendor '\(record.vendor)'")
            for (index, field) in feed.fields.enumerated() {
                // Personal data is masked here as in every output people read.
                let shown = { (text: String) in field.pii == nil ? text : PIIMask.mask(text) }
                let raw = record.rawValue(at: index).map { "'\(shown($0))'" } ?? "(no value)"
                let value: String
                switch record.outcome(at: index) {
                case .null: value = "(empty)"
                case .value(let normalised): value = shown(normalised.cleanText)
                case .invalid: value = "(invalid)"
                }
                lines.append("  \(field.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(raw) → \(value)")
                for finding in record.findings where finding.field == field.name {
                    lines.append("      \(finding.severity.rawValue): [\(finding.ruleID)] \(finding.message)")
                }
            }
            let names = Set(feed.fields.map(\.name))
            for finding in record.findings where !names.contains(finding.field ?? "") {
                lines.append("  \(finding.severity.rawValue): [\(finding.ruleID)] \(finding.message)")
            }
        }
        if truncated { lines.append("\n(more records follow; raise --limit to see them)") }
        return lines.joined(separator: "\n")
    }
}
