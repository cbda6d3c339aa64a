import Foundation
import Yams

/// Reads one `feeds:` item into a `FeedSpec`, checking that every name it uses is declared.
struct FeedSpecParser {
    static let feedKeys = [
        "name", "description", "vendor", "files", "format", "csv", "xml", "json", "xlsx", "number-format",
        "percent-scale", "fields", "checks", "unique-key", "kpi", "clean",
    ]
    static let cleanKeys = ["file", "columns"]
    static let xmlKeys = ["record", "max-value-bytes", "field-ids"]
    static let fieldIDKeys = ["definition", "definition-id", "definition-name", "field", "field-id"]
    static let jsonKeys = ["records"]
    static let xlsxKeys = ["sheet", "sheet-index", "skip-rows", "drop-last-rows", "drop-rows-matching"]
    static let csvKeys = ["delimiter", "quote", "encoding", "skip-lines", "drop-last-rows", "drop-rows-matching"]
    static let numberKeys = ["decimal-separator", "thousands-separator", "plus-sign", "max-digits"]
    static let checkKeys = ["compare", "severity"]
    static let uniqueKeys = ["fields", "severity"]

    let reader: YAMLReader

    func parse(_ node: Node) -> FeedSpec? {
        let errorsBefore = reader.errors.count
        guard let entries = reader.mapping(node, "a feed", allowed: Self.feedKeys) else { return nil }
        let name = reader.requireKey("name", in: entries, of: node, "a feed").flatMap { reader.string($0, "name") }
        let what = "feed '\(name ?? "?")'"
        let vendor = reader.requireKey("vendor", in: entries, of: node, what).flatMap { vendorSource($0) }
        let files = reader.requireKey("files", in: entries, of: node, what).flatMap { reader.strings($0, "files") }
        let formats = entries["format"].map { formatList($0.value) } ?? [.csv]
        let format = formats.first ?? .csv
        let formatNames = formats.map(\.rawValue).joined(separator: ", ")
        let formatIs = formats.count > 1 ? "formats are \(formatNames)" : "format is \(formatNames)"
        let csv = entries["csv"].map { csvOptions($0.value) } ?? CSVOptions()
        for (key, owner) in [("csv", InputFormat.csv), ("xml", .xml), ("xlsx", .xlsx)]
        where entries[key] != nil && !formats.contains(owner) {
            reader.fail(
                entries[key]!.key, "'\(key)' options apply to format \(owner.rawValue), but this feed's \(formatIs)")
        }
        if let entry = entries["json"], !formats.contains(.json) && !formats.contains(.ndjson) {
            reader.fail(entry.key, "'json' options apply to formats json and ndjson, but this feed's \(formatIs)")
        }
        var defaults = FieldDefaults()
        if let numbers = entries["number-format"]?.value { numberFormat(numbers, into: &defaults) }
        if let scale = entries["percent-scale"]?.value {
            defaults.percentScale = reader.choice(scale, "percent-scale", as: PercentScale.self) ?? .points
        }
        let fieldParser = FieldSpecParser(reader: reader, defaults: defaults)
        var fields: [FieldSpec] = []
        if let fieldsNode = reader.requireKey("fields", in: entries, of: node, what) {
            if let sequence = fieldsNode.sequence, sequence.count > 0 {
                fields = sequence.compactMap { fieldParser.parse($0) }
            } else {
                reader.fail(fieldsNode, "'fields' must be a non-empty list of fields")
            }
        }
        checkFieldNames(fields)
        let known = fields.map(\.name)
        if case .field(let vendorField) = vendor, !known.contains(vendorField), let vendorNode = entries["vendor"] {
            unknownField(vendorField, at: vendorNode.value, known: known)
        }
        let comparisons = entries["checks"].map { checks($0.value, known: fields) } ?? []
        let key = entries["unique-key"].flatMap { uniqueKey($0.value, known: known) }
        let kpi = entries["kpi"].flatMap { FeedKPIParser(reader: reader, fields: fields).parse($0.value) }
        let clean = entries["clean"].map { cleanOutput($0.value, known: known) }
        guard reader.errors.count == errorsBefore, let name, let vendor, let files else { return nil }
        var feed = FeedSpec(
            name: name, vendor: vendor, files: files, csv: csv, fields: fields, comparisons: comparisons,
            uniqueKey: key, kpi: kpi, declaredAt: reader.location(of: node))
        feed.format = format
        if formats.count > 1 { feed.formats = formats }
        if let clean { feed.clean = clean }
        if let value = entries["xml"]?.value { feed.xml = xmlOptions(value) }
        if let value = entries["json"]?.value { feed.json = jsonOptions(value) }
        if formats.contains(.ndjson), !formats.contains(.json), !feed.json.recordsPath.isEmpty,
            let value = entries["json"]?.value
        {
            reader.fail(value, "an ndjson feed has one record per line; 'records' applies to format json only")
        }
        if let value = entries["xlsx"]?.value { feed.xlsx = xlsxOptions(value) }
        return reader.errors.count == errorsBefore ? feed : nil
    }

    /// `format: csv`, or several formats `format: [csv, json]`, each file's extension choosing.
    private func formatList(_ node: Node) -> [InputFormat] {
        guard let sequence = node.sequence else {
            return [reader.choice(node, "format", as: InputFormat.self) ?? .csv]
        }
        var formats: [InputFormat] = []
        for item in sequence {
            guard let format = reader.choice(item, "format", as: InputFormat.self) else { continue }
            if formats.contains(format) {
                reader.fail(item, "format '\(format.rawValue)' is listed twice")
            } else {
                formats.append(format)
            }
        }
        if sequence.count == 0 { reader.fail(node, "'format' must name at least one format") }
        return formats.isEmpty ? [.csv] : formats
    }

    private func xmlOptions(_ node: Node) -> XMLOptions {
        var options = XMLOptions()
        guard let entries = reader.mapping(node, "xml", allowed: Self.xmlKeys) else { return options }
        if let value = entries["record"]?.value, let path = reader.string(value, "record") {
            let steps = path.hasPrefix("//") ? path.dropFirst(2) : path.hasPrefix("/") ? path.dropFirst() : ""
            if steps.isEmpty || steps.split(separator: "/", omittingEmptySubsequences: false).contains(where: \.isEmpty)
            {
                reader.fail(
                    value, "record must be an element path such as '/unload/u_vendor_kpi' or '//record', not '\(path)'")
            }
            options.recordPath = path
        } else {
            reader.fail(node, "'xml' needs 'record', the path of the record element (e.g. '/unload/u_vendor_kpi')")
        }
        if let value = entries["field-ids"]?.value,
            let ids = reader.mapping(value, "field-ids", allowed: Self.fieldIDKeys)
        {
            var fieldIDs = XMLFieldIDs()
            func text(_ key: String) -> String? { ids[key].flatMap { reader.string($0.value, key) } }
            fieldIDs.definition = text("definition") ?? fieldIDs.definition
            fieldIDs.definitionID = text("definition-id") ?? fieldIDs.definitionID
            fieldIDs.definitionName = text("definition-name") ?? fieldIDs.definitionName
            fieldIDs.field = text("field") ?? fieldIDs.field
            fieldIDs.fieldID = text("field-id") ?? fieldIDs.fieldID
            options.fieldIDs = fieldIDs
        }
        if let value = entries["max-value-bytes"]?.value {
            options.maxValueBytes = reader.int(value, "max-value-bytes", minimum: 1) ?? options.maxValueBytes
        }
        return options
    }

    private func jsonOptions(_ node: Node) -> JSONOptions {
        var options = JSONOptions()
        guard let entries = reader.mapping(node, "json", allowed: Self.jsonKeys) else { return options }
        if let value = entries["records"]?.value { options.recordsPath = reader.string(value, "records") ?? "" }
        return options
    }

    private func xlsxOptions(_ node: Node) -> XLSXOptions {
        var options = XLSXOptions()
        guard let entries = reader.mapping(node, "xlsx", allowed: Self.xlsxKeys) else { return options }
        if let value = entries["sheet"]?.value { options.sheet = reader.string(value, "sheet") }
        if let value = entries["sheet-index"]?.value {
            options.sheetIndex = reader.int(value, "sheet-index", minimum: 1) ?? 1
        }
        if let value = entries["skip-rows"]?.value { options.skipRows = reader.int(value, "skip-rows") ?? 0 }
        if let value = entries["drop-last-rows"]?.value {
            options.dropLastRows = reader.int(value, "drop-last-rows") ?? 0
        }
        if let value = entries["drop-rows-matching"]?.value, let pattern = reader.string(value, "drop-rows-matching") {
            if let problem = RegexCheck.problem(pattern) { reader.fail(value, problem) }
            options.dropRowsMatching = pattern
        }
        return options
    }

    private func vendorSource(_ node: Node) -> VendorSource? {
        if let text = node.scalar?.string {
            // An empty vendor would publish every record without one (`vendor:` left blank in a draft).
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.fail(
                    node, "vendor is empty; name the vendor ('vendor: ACME') or a field ('vendor: { field: vendor }')")
                return nil
            }
            return .constant(text)
        }
        guard let entries = reader.mapping(node, "vendor", allowed: ["field"]),
            let fieldNode = reader.requireKey("field", in: entries, of: node, "vendor"),
            let field = reader.string(fieldNode, "vendor field")
        else { return nil }
        return .field(field)
    }

    private func csvOptions(_ node: Node) -> CSVOptions {
        var options = CSVOptions()
        guard let entries = reader.mapping(node, "csv", allowed: Self.csvKeys) else { return options }
        if let value = entries["delimiter"]?.value {
            if value.scalar?.string.lowercased() == "auto" {
                options.delimiter = nil
            } else if let character = asciiByte(value, "delimiter") {
                options.delimiter = character
            }
        }
        if let value = entries["quote"]?.value, let byte = asciiByte(value, "quote") { options.quote = byte }
        if let value = entries["encoding"]?.value {
            options.encoding = reader.choice(value, "encoding", as: TextEncoding.self) ?? .utf8
        }
        if let value = entries["skip-lines"]?.value { options.skipLines = reader.int(value, "skip-lines") ?? 0 }
        if let value = entries["drop-last-rows"]?.value {
            options.dropLastRows = reader.int(value, "drop-last-rows") ?? 0
        }
        if let value = entries["drop-rows-matching"]?.value, let pattern = reader.string(value, "drop-rows-matching") {
            if let problem = RegexCheck.problem(pattern) { reader.fail(value, problem) }
            options.dropRowsMatching = pattern
        }
        return options
    }

    private func asciiByte(_ node: Node, _ what: String) -> UInt8? {
        guard let character = reader.character(node, what) else { return nil }
        guard let byte = character.asciiValue, character != "\n", character != "\r" else {
            reader.fail(node, "\(what) must be a single ASCII character other than a line end")
            return nil
        }
        return byte
    }

    private func numberFormat(_ node: Node, into defaults: inout FieldDefaults) {
        guard let entries = reader.mapping(node, "number-format", allowed: Self.numberKeys) else { return }
        FieldSpecParser.separators(entries, reader: reader, into: &defaults)
        FieldSpecParser.integerForm(entries, reader: reader, into: &defaults)
    }

    private func checks(_ node: Node, known fields: [FieldSpec]) -> [ComparisonSpec] {
        guard let sequence = node.sequence else {
            reader.fail(node, "'checks' must be a list of checks such as '- compare: period_end >= period_start'")
            return []
        }
        return sequence.compactMap { item in
            guard let entries = reader.mapping(item, "a check", allowed: Self.checkKeys),
                let compareNode = reader.requireKey("compare", in: entries, of: item, "a check"),
                let expression = reader.string(compareNode, "compare")
            else { return nil }
            let severity = entries["severity"].flatMap { reader.severity($0.value) } ?? .error
            guard let parsed = ComparisonExpression.parse(expression) else {
                let operators = ComparisonOperator.allCases.map(\.rawValue).joined(separator: " ")
                reader.fail(
                    compareNode,
                    "cannot read comparison '\(expression)'; write 'field OP field' with OP one of \(operators)")
                return nil
            }
            let names = fields.map(\.name)
            for name in [parsed.left, parsed.right] where !names.contains(name) {
                unknownField(name, at: compareNode, known: names)
            }
            guard let left = fields.first(where: { $0.name == parsed.left }),
                let right = fields.first(where: { $0.name == parsed.right })
            else { return nil }
            guard ComparisonExpression.comparable(left.kind, right.kind) else {
                reader.fail(
                    compareNode,
                    "cannot compare '\(left.name)' (\(left.kind.rawValue)) with '\(right.name)' (\(right.kind.rawValue))"
                )
                return nil
            }
            return ComparisonSpec(
                left: parsed.left, op: parsed.op, right: parsed.right, severity: severity,
                declaredAt: reader.location(of: compareNode))
        }
    }

    private func uniqueKey(_ node: Node, known: [String]) -> UniqueKeySpec? {
        var severity = Severity.error
        var fieldsNode = node
        if node.mapping != nil {
            guard let entries = reader.mapping(node, "unique-key", allowed: Self.uniqueKeys),
                let value = reader.requireKey("fields", in: entries, of: node, "unique-key")
            else { return nil }
            fieldsNode = value
            severity = entries["severity"].flatMap { reader.severity($0.value) } ?? .error
        }
        guard let names = reader.strings(fieldsNode, "unique-key fields") else { return nil }
        for name in names where !known.contains(name) {
            unknownField(name, at: fieldsNode, known: known)
        }
        return UniqueKeySpec(fields: names, severity: severity)
    }

    private func cleanOutput(_ node: Node, known: [String]) -> CleanOutputSpec {
        var spec = CleanOutputSpec(declaredAt: reader.location(of: node))
        guard let entries = reader.mapping(node, "clean", allowed: Self.cleanKeys) else { return spec }
        if let value = entries["file"]?.value, let path = reader.string(value, "file") {
            if let problem = CleanOutputSpec.problem(with: path) { reader.fail(value, problem) }
            spec.file = path
        }
        if let value = entries["columns"]?.value, let names = reader.strings(value, "clean columns") {
            let allowed = CleanOutputSpec.extraColumns + known
            var seen: Set<String> = []
            for name in names {
                if !allowed.contains(name) {
                    reader.fail(value, "unknown column '\(name)'\(DidYouMean.clause(for: name, among: allowed))")
                } else if !seen.insert(name).inserted {
                    reader.fail(value, "column '\(name)' is listed twice")
                }
            }
            if names.isEmpty { reader.fail(value, "'columns' must name at least one column") }
            spec.columns = names
        }
        return spec
    }

    private func checkFieldNames(_ fields: [FieldSpec]) {
        var seen: Set<String> = []
        for field in fields where !seen.insert(field.name).inserted {
            reader.fail(at: field.declaredAt, "field '\(field.name)' is declared twice in this feed")
        }
    }

    private func unknownField(_ name: String, at node: Node, known: [String]) {
        reader.fail(node, "unknown field '\(name)'\(DidYouMean.clause(for: name, among: known))")
    }
}

/// `left OP right`, as written in a `compare` check.
enum ComparisonExpression {
    static func parse(_ text: String) -> (left: String, op: ComparisonOperator, right: String)? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, let op = ComparisonOperator(rawValue: parts[1]) else { return nil }
        return (parts[0], op, parts[2])
    }

    /// Kinds whose values can be ordered against each other.
    static func comparable(_ lhs: ValueKind, _ rhs: ValueKind) -> Bool {
        let numeric: Set<ValueKind> = [.integer, .decimal, .percent, .duration]
        if numeric.contains(lhs) && numeric.contains(rhs) { return true }
        return lhs == rhs
    }
}

/// Checks a regular expression once, when the rules are loaded.
enum RegexCheck {
    /// A message when the pattern is not a valid regular expression.
    static func problem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "invalid regular expression '\(pattern)'"
        }
    }
}
