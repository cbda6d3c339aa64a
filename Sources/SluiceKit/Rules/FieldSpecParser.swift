import Yams

/// Feed-wide defaults a field inherits unless it says otherwise.
struct FieldDefaults {
    var decimalSeparator: Character = "."
    var thousandsSeparator: Character?
    var percentScale: PercentScale = .points
    var allowsPlusSign = true
    var maxDigits: Int?
}

/// Reads one `fields:` item into a `FieldSpec`, checking formats, bounds and patterns.
struct FieldSpecParser {
    static let fieldKeys = [
        "name", "description", "aliases", "kind", "formats", "format", "null", "required", "range", "pattern",
        "max-length", "true", "false", "values", "decimal-separator", "thousands-separator", "percent-scale",
        "pii", "trim", "plus-sign", "max-digits", "case-sensitive", "unique",
    ]
    static let rangeKeys = ["min", "max", "min-exclusive", "max-exclusive", "severity"]
    static let patternKeys = ["regex", "severity"]
    static let maxLengthKeys = ["value", "severity"]
    static let enumValueKeys = ["value", "synonyms"]
    static let uniqueKeys = ["severity"]

    let reader: YAMLReader
    let defaults: FieldDefaults

    func parse(_ node: Node) -> FieldSpec? {
        let errorsBefore = reader.errors.count
        guard let entries = reader.mapping(node, "a field", allowed: Self.fieldKeys),
            let name = reader.requireKey("name", in: entries, of: node, "a field").flatMap({ reader.string($0, "name") }
            ),
            let kind = reader.requireKey("kind", in: entries, of: node, "field '\(name)'")
                .flatMap({ reader.choice($0, "kind", as: ValueKind.self) })
        else { return nil }
        var field = FieldSpec(name: name, kind: kind, declaredAt: reader.location(of: node))
        field.decimalSeparator = defaults.decimalSeparator
        field.thousandsSeparator = defaults.thousandsSeparator
        field.percentScale = defaults.percentScale
        field.allowsPlusSign = defaults.allowsPlusSign
        field.maxDigits = defaults.maxDigits
        if let value = entries["aliases"]?.value { field.aliases = reader.strings(value, "aliases") ?? [] }
        if let entry = entries["formats"] ?? entries["format"] {
            field.formats = reader.strings(entry.value, "formats") ?? []
        }
        if let value = entries["null"]?.value { field.nullTokens = reader.strings(value, "null") ?? [] }
        if let value = entries["required"]?.value { field.required = required(value) }
        if let value = entries["pii"]?.value { field.pii = pii(value) }
        if let value = entries["trim"]?.value { field.trim = reader.bool(value, "trim") ?? true }
        Self.separators(entries, reader: reader, into: &field)
        Self.integerForm(entries, reader: reader, into: &field)
        if let value = entries["case-sensitive"]?.value {
            field.caseSensitive = reader.bool(value, "case-sensitive") ?? false
        }
        if let value = entries["unique"]?.value { field.unique = unique(value) }
        if let value = entries["percent-scale"]?.value {
            field.percentScale = reader.choice(value, "percent-scale", as: PercentScale.self) ?? .points
        }
        kindOptions(entries, node: node, into: &field)
        let normaliser = compileNormaliser(field, formatsNode: (entries["formats"] ?? entries["format"])?.value ?? node)
        if let value = entries["range"]?.value, let range = range(value, normaliser: normaliser) {
            field.constraints.append(range)
        }
        if let value = entries["pattern"]?.value, let pattern = pattern(value) { field.constraints.append(pattern) }
        if let value = entries["max-length"]?.value, let maxLength = maxLength(value) {
            field.constraints.append(maxLength)
        }
        return reader.errors.count == errorsBefore ? field : nil
    }

    /// Reads `decimal-separator` / `thousands-separator` into anything that has them.
    static func separators<Target: SeparatorSettable>(
        _ entries: [String: YAMLReader.Entry], reader: YAMLReader, into target: inout Target
    ) {
        if let node = entries["decimal-separator"]?.value, let separator = reader.character(node, "decimal-separator") {
            if separator == "." || separator == "," {
                target.decimalSeparator = separator
            } else {
                reader.fail(node, "decimal-separator must be '.' or ','")
            }
        }
        if let node = entries["thousands-separator"]?.value,
            let separator = reader.character(node, "thousands-separator")
        {
            if [",", ".", " ", "'", "\u{00A0}"].contains(separator) {
                target.thousandsSeparator = separator
            } else {
                reader.fail(node, "thousands-separator must be ',', '.', a space or an apostrophe")
            }
        }
        if let decimal = Optional(target.decimalSeparator), decimal == target.thousandsSeparator,
            let node = entries["thousands-separator"]?.value ?? entries["decimal-separator"]?.value
        {
            reader.fail(node, "decimal-separator and thousands-separator must differ")
        }
    }

    /// Reads `plus-sign` / `max-digits` (integer fields) into anything that has them.
    static func integerForm<Target: IntegerFormSettable>(
        _ entries: [String: YAMLReader.Entry], reader: YAMLReader, into target: inout Target
    ) {
        if let node = entries["plus-sign"]?.value, let allowed = reader.bool(node, "plus-sign") {
            target.allowsPlusSign = allowed
        }
        if let node = entries["max-digits"]?.value, let digits = reader.int(node, "max-digits", minimum: 1) {
            if digits > 18 {
                reader.fail(node, "max-digits must be at most 18 (a 64-bit integer), not \(digits)")
            } else {
                target.maxDigits = digits
            }
        }
    }

    /// `unique: true`, `false`, or `{ severity: warning }`.
    private func unique(_ node: Node) -> Severity? {
        guard node.mapping != nil else { return reader.bool(node, "unique") == true ? .error : nil }
        guard let entries = reader.mapping(node, "unique", allowed: Self.uniqueKeys) else { return nil }
        return entries["severity"].flatMap { reader.severity($0.value) } ?? .error
    }

    private func required(_ node: Node) -> Severity? {
        guard let text = reader.string(node, "required") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "error": return .error
        case "false", "no": return nil
        case "warning": return .warning
        default:
            reader.fail(node, "required must be true, false, error or warning, not '\(text)'")
            return nil
        }
    }

    private func pii(_ node: Node) -> PIIHandling? {
        guard let text = reader.string(node, "pii") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "mask": return .mask
        case "false", "no": return nil
        case "pseudonymise", "pseudonymize": return .pseudonymise
        default:
            reader.fail(node, "pii must be true, false or pseudonymise, not '\(text)'")
            return nil
        }
    }

    private func kindOptions(_ entries: [String: YAMLReader.Entry], node: Node, into field: inout FieldSpec) {
        let kindSpecific: [(key: String, kinds: [ValueKind])] = [
            ("formats", [.date, .timestamp]), ("format", [.date, .timestamp]), ("true", [.boolean]),
            ("false", [.boolean]), ("values", [.enum]), ("percent-scale", [.percent]), ("plus-sign", [.integer]),
            ("max-digits", [.integer]), ("case-sensitive", [.boolean, .enum]),
        ]
        for (key, kinds) in kindSpecific where !kinds.contains(field.kind) {
            if let entry = entries[key] {
                let names = kinds.map(\.rawValue).joined(separator: " or ")
                reader.fail(entry.key, "'\(key)' applies only to fields of kind \(names), not \(field.kind.rawValue)")
            }
        }
        if let value = entries["true"]?.value { field.trueTokens = reader.strings(value, "true") ?? [] }
        if let value = entries["false"]?.value { field.falseTokens = reader.strings(value, "false") ?? [] }
        if field.kind == .enum {
            if let value = entries["values"]?.value {
                field.enumValues = enumValues(value)
            } else {
                reader.fail(node, "field '\(field.name)' of kind enum needs 'values'")
            }
        }
    }

    private func enumValues(_ node: Node) -> [EnumValue] {
        if let mapping = node.mapping {
            return mapping.compactMap { key, value in
                guard let name = reader.string(key, "enum value") else { return nil }
                let empty = ["", "~", "null"].contains(value.scalar?.string ?? "-")
                let synonyms = empty ? [] : reader.strings(value, "synonyms")
                return EnumValue(value: name, synonyms: synonyms ?? [])
            }
        }
        guard let sequence = node.sequence else {
            reader.fail(node, "'values' must be a list of values, or a mapping of each value to its synonyms")
            return []
        }
        return sequence.compactMap { item in
            if let text = item.scalar?.string { return EnumValue(value: text) }
            guard let entries = reader.mapping(item, "an enum value", allowed: Self.enumValueKeys),
                let value = reader.requireKey("value", in: entries, of: item, "an enum value")
                    .flatMap({ reader.string($0, "value") })
            else { return nil }
            let synonyms = entries["synonyms"].flatMap { reader.strings($0.value, "synonyms") } ?? []
            return EnumValue(value: value, synonyms: synonyms)
        }
    }

    private func compileNormaliser(_ field: FieldSpec, formatsNode: Node) -> ValueNormaliser? {
        do {
            return try ValueNormaliser(field: field)
        } catch {
            reader.fail(formatsNode, error.message)
            return nil
        }
    }

    private func range(_ node: Node, normaliser: ValueNormaliser?) -> ConstraintSpec? {
        guard let entries = reader.mapping(node, "range", allowed: Self.rangeKeys) else { return nil }
        guard entries["min"] != nil || entries["max"] != nil else {
            reader.fail(node, "range needs 'min', 'max' or both")
            return nil
        }
        func bound(_ key: String) -> RangeBound? {
            guard let valueNode = entries[key]?.value, let raw = reader.string(valueNode, key) else { return nil }
            if let normaliser, normaliser.parseBound(raw) == nil {
                reader.fail(valueNode, "range \(key) '\(raw)' is not a valid value for this field's kind")
            }
            let exclusive = entries["\(key)-exclusive"].flatMap { reader.bool($0.value, "\(key)-exclusive") } ?? false
            return RangeBound(raw: raw, exclusive: exclusive)
        }
        let severity = entries["severity"].flatMap { reader.severity($0.value) } ?? .error
        return .range(min: bound("min"), max: bound("max"), severity: severity)
    }

    private func pattern(_ node: Node) -> ConstraintSpec? {
        var regexNode = node
        var severity = Severity.error
        if node.mapping != nil {
            guard let entries = reader.mapping(node, "pattern", allowed: Self.patternKeys),
                let value = reader.requireKey("regex", in: entries, of: node, "pattern")
            else { return nil }
            regexNode = value
            severity = entries["severity"].flatMap { reader.severity($0.value) } ?? .error
        }
        guard let regex = reader.string(regexNode, "pattern") else { return nil }
        if let problem = RegexCheck.problem(regex) {
            reader.fail(regexNode, problem)
            return nil
        }
        return .pattern(regex, severity: severity)
    }

    private func maxLength(_ node: Node) -> ConstraintSpec? {
        var valueNode = node
        var severity = Severity.error
        if node.mapping != nil {
            guard let entries = reader.mapping(node, "max-length", allowed: Self.maxLengthKeys),
                let value = reader.requireKey("value", in: entries, of: node, "max-length")
            else { return nil }
            valueNode = value
            severity = entries["severity"].flatMap { reader.severity($0.value) } ?? .error
        }
        guard let length = reader.int(valueNode, "max-length", minimum: 1) else { return nil }
        return .maxLength(length, severity: severity)
    }
}

/// Something that carries number separators (feed defaults, a field).
protocol SeparatorSettable {
    var decimalSeparator: Character { get set }
    var thousandsSeparator: Character? { get set }
}

/// Something that carries the written form of integers (feed defaults, a field).
protocol IntegerFormSettable {
    var allowsPlusSign: Bool { get set }
    var maxDigits: Int? { get set }
}

extension FieldDefaults: SeparatorSettable, IntegerFormSettable {}
extension FieldSpec: SeparatorSettable, IntegerFormSettable {}
