/// The draft as a rules file: every key `sluice rules check` knows, with comments that show
/// what was seen (examples, blank counts, ambiguities) and what the user must decide.
extension FeedDraft {
    /// The rules YAML.
    public var yaml: String {
        var lines: [String] = []
        let sample = truncated ? "the first \(records) records" : "its \(records) record\(records == 1 ? "" : "s")"
        lines.append("# Draft feed for \(source), inferred by `sluice describe` from \(sample).")
        lines.append("# Check every line against what the vendor promises, then run `sluice rules check` and")
        lines.append("# `sluice preview \(source) --feed \(name)`.")
        lines.append("feeds:")
        lines.append("  - name: \(name)")
        switch vendor {
        case .constant(let name): lines.append("    vendor: \(Self.quoted(name))")
        case .field(let field): lines.append("    vendor: { field: \(field) }")
        case .unknown:
            lines.append("    vendor:  # fill in: the vendor's name (or { field: NAME } to read it from a column)")
        }
        lines.append("    files: [\(Self.quoted(files))]")
        lines.append("    format: \(format.rawValue)")
        lines.append(contentsOf: readingLines)
        if numbers.decimalSeparator != "." || numbers.thousandsSeparator != nil,
            fields.contains(where: { $0.kind.isNumber })
        {
            lines.append("    number-format:")
            lines.append("      decimal-separator: \(Self.quoted(String(numbers.decimalSeparator)))")
            if let thousands = numbers.thousandsSeparator {
                lines.append("      thousands-separator: \(Self.quoted(String(thousands)))")
            }
        }
        lines.append("    fields:")
        for field in fields { lines.append(contentsOf: fieldLines(field)) }
        lines.append(contentsOf: kpiLines)
        return lines.joined(separator: "\n") + "\n"
    }

    private var readingLines: [String] {
        switch reading {
        case .csv(let csv):
            var lines = ["    csv:"]
            let delimiter = csv.delimiter == 9 ? "\\t" : String(UnicodeScalar(csv.delimiter))
            lines.append("      delimiter: \(Self.quoted(delimiter))")
            lines.append(
                "      encoding: \(csv.encoding.rawValue)"
                    + (csv.byteOrderMark ? "  # the file starts with a byte order mark" : ""))
            if csv.skipLines > 0 {
                let titles = csv.titleLines.map { Self.comment($0) }.joined(separator: " | ")
                lines.append("      skip-lines: \(csv.skipLines)  # title line(s) above the header: \(titles)")
            }
            if let footer = csv.footer {
                lines.append(
                    "      drop-rows-matching: \(Self.quoted("^" + footer))  # the last row is a '\(Self.comment(footer))' row"
                )
            }
            return lines
        case .xml(let path):
            return ["    xml:", "      record: \(path)  # the repeated element that holds one record"]
        case .json(let path):
            return path.isEmpty
                ? ["    json:", "      records: \"\"  # the records are the top-level array"]
                : ["    json:", "      records: \(path)  # the array that holds the records"]
        case .ndjson:
            return []
        case .xlsx(let xlsx):
            var lines = ["    xlsx:", "      sheet: \(Self.quoted(xlsx.sheet))"]
            if xlsx.skipRows > 0 {
                let titles = xlsx.titleRows.map { Self.comment($0) }.joined(separator: " | ")
                lines.append("      skip-rows: \(xlsx.skipRows)  # title row(s) above the header: \(titles)")
            }
            if let footer = xlsx.footer {
                lines.append(
                    "      drop-rows-matching: \(Self.quoted("^" + footer))  # the last row is a '\(Self.comment(footer))' row"
                )
            }
            return lines
        }
    }

    private func fieldLines(_ field: Field) -> [String] {
        var seen = "\(field.values) value\(field.values == 1 ? "" : "s"), \(field.blanks) blank"
        if field.values > 0 {
            let distinct = field.distinctOverflow ? "over \(field.distinct)" : "\(field.distinct)"
            seen += ", \(distinct) distinct; e.g. \(Self.comment(field.examples))"
        }
        var lines = ["      # \(Self.comment(field.header)): \(seen)"]
        lines.append("      - name: \(field.name)")
        if field.header != field.name { lines.append("        aliases: [\(Self.quoted(field.header))]") }
        lines.append("        kind: \(field.kind.valueKind.rawValue)")
        switch field.kind {
        case .date(let format, let alternatives), .timestamp(let format, let alternatives):
            var line = "        formats: [\(Self.quoted(format))]"
            if !alternatives.isEmpty {
                line +=
                    "  # every value also reads as \(alternatives.map { "'\($0)'" }.joined(separator: ", ")): ask the vendor which it is"
            }
            lines.append(line)
        case .percent(let scale) where scale == .fraction:
            lines.append("        percent-scale: fraction  # values such as 0.83 mean 83 %")
        case .enumeration(let values):
            lines.append("        values: [\(values.map(Self.quoted).joined(separator: ", "))]")
        default:
            break
        }
        if field.required { lines.append("        required: true") }
        if field.values == 0 { lines.append("        # no value seen: the kind is a guess") }
        if let nearMiss = field.nearMiss {
            lines.append("        # \(Self.comment(nearMiss, limit: 200)): ask the vendor")
        }
        return lines
    }

    private var kpiLines: [String] {
        let period = fields.first { if case .date = $0.kind { true } else { false } }?.name ?? "PERIOD-FIELD"
        let intro = [
            "    # To publish KPIs, name them in the catalogue (Rules/kpis.yaml) and add a kpi: block, for",
            "    # example (see the README, \"How feeds yield KPI values\"):",
        ]
        if let name = fields.first(where: { Self.isKPINameHeader($0.header) }),
            let value = fields.first(where: { ["value", "actual", "result", "score"].contains($0.header.lowercased()) })
        {
            return [
                "    # One row per KPI: '\(Self.comment(name.header))' names it, '\(Self.comment(value.header))' holds its value."
            ]
                + intro
                + [
                    "    # kpi:", "    #   layout: long", "    #   period: \(period)", "    #   name: \(name.name)",
                    "    #   value: \(value.name)  # declare it kind: text; each value is read in its KPI's unit",
                ]
        }
        let kpis = fields.filter(\.likelyKPI).map(\.name)
        guard !kpis.isEmpty else { return [] }
        return ["    # Likely KPI columns: \(kpis.joined(separator: ", "))."] + intro + [
            "    # kpi:", "    #   layout: wide", "    #   period: \(period)",
            "    #   columns: [\(kpis.joined(separator: ", "))]",
        ]
    }

    /// A header that names the KPI of each row (long layout).
    static func isKPINameHeader(_ header: String) -> Bool {
        ["kpi", "metric", "measure", "indicator", "kpi name", "metric name"].contains(header.lowercased())
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text made safe for a one-line comment.
    static func comment(_ text: String, limit: Int = 80) -> String {
        String(text.map { $0.isNewline ? " " : $0 }.prefix(limit))
    }
}
