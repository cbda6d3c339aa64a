/// One feed's rules compiled for checking records: normalisers, field rules, comparisons and
/// the unique-key state shared by all of the feed's files in a run.
public final class FeedChecker {
    /// The feed.
    public let feed: FeedSpec
    private let normalisers: [ValueNormaliser]
    private let fieldRules: [[any FieldRule]]
    private let comparisons: [CompareRule]
    private var uniqueKey: UniqueKeyRule?
    /// Per field, its `unique` rule (the values seen in the current file), or nil.
    private var uniqueFields: [UniqueRule?]
    private var currentFile: String?
    private let vendorIndex: Int?
    /// Fields marked `pii:`, whose values findings must not show.
    let piiIndices: [Int]
    /// Per field, read once here: copying a `FieldSpec` out of the feed for every value of
    /// every record retained and released each of its Strings and arrays.
    private let fieldNames: [String]
    private let requiredSeverities: [Severity?]

    /// Compiles a feed the loader has checked; a rule that does not compile is a rules error.
    public init(feed: FeedSpec) throws(RulesErrors) {
        self.feed = feed
        var errors: [RulesError] = []
        var normalisers: [ValueNormaliser] = []
        var fieldRules: [[any FieldRule]] = []
        for field in feed.fields {
            do {
                let normaliser = try ValueNormaliser(field: field)
                normalisers.append(normaliser)
                fieldRules.append(Self.rules(for: field, normaliser: normaliser, errors: &errors))
            } catch {
                errors.append(RulesError(location: field.declaredAt, message: error.message))
            }
        }
        guard errors.isEmpty else { throw RulesErrors(errors) }
        let index = { (name: String) in feed.fields.firstIndex { $0.name == name } ?? 0 }
        self.normalisers = normalisers
        fieldNames = feed.fields.map(\.name)
        requiredSeverities = feed.fields.map(\.required)
        self.fieldRules = fieldRules
        self.comparisons = feed.comparisons.map {
            CompareRule(spec: $0, leftIndex: index($0.left), rightIndex: index($0.right))
        }
        uniqueFields = feed.fields.map { field in field.unique.map { UniqueRule(severity: $0) } }
        self.uniqueKey = feed.uniqueKey.map { UniqueKeyRule(spec: $0, indices: $0.fields.map(index)) }
        if case .field(let name) = feed.vendor { vendorIndex = index(name) } else { vendorIndex = nil }
        piiIndices = feed.fields.indices.filter { feed.fields[$0].pii != nil }
    }

    private static func rules(for field: FieldSpec, normaliser: ValueNormaliser, errors: inout [RulesError])
        -> [any FieldRule]
    {
        field.constraints.compactMap { constraint -> (any FieldRule)? in
            switch constraint {
            case .range(let min, let max, let severity):
                let low = min.flatMap { normaliser.parseBound($0.raw) }
                let high = max.flatMap { normaliser.parseBound($0.raw) }
                if (min != nil && low == nil) || (max != nil && high == nil) {
                    errors.append(
                        RulesError(
                            location: field.declaredAt,
                            message: "range of '\(field.name)' has a bound that is not a valid \(field.kind.rawValue)"))
                }
                return RangeRule(
                    severity: severity, min: low, minExclusive: min?.exclusive ?? false, max: high,
                    maxExclusive: max?.exclusive ?? false)
            case .pattern(let pattern, let severity):
                return PatternRule(pattern: pattern, severity: severity)
            case .maxLength(let limit, let severity):
                return MaxLengthRule(severity: severity, limit: limit)
            }
        }
    }

    /// Starts a file: unique keys it adds can be withdrawn if the file is quarantined, and
    /// field `unique` rules start empty (their scope is one file).
    public func beginFile() {
        currentFile = nil
        endFile()
    }

    /// Ends a file: drops the values field `unique` rules remembered for it.
    public func endFile() {
        for index in uniqueFields.indices where uniqueFields[index] != nil { uniqueFields[index]?.reset() }
    }

    /// Withdraws the current file's unique keys (its records will not be published).
    public func withdrawFile() {
        if let currentFile { uniqueKey?.forget(file: currentFile) }
        currentFile = nil
    }

    /// Maps, normalises and checks one record of a file.
    public func validate(_ raw: RawRecord, binding: HeaderBinding, file: String) -> ValidatedRecord {
        let count = feed.fields.count
        // Built by appending: `Array(repeating:count:)` of these optional enums went through
        // generic value witnesses and cost 6 % of a run's instructions (callgrind).
        var rawValues: [String?] = []
        var columns: [Int?] = []
        rawValues.reserveCapacity(count)
        columns.reserveCapacity(count)
        for fieldIndex in 0..<count {
            if fieldIndex < binding.columns.count, let column = binding.columns[fieldIndex], column < raw.fields.count {
                rawValues.append(raw.fields[column].value)
                columns.append(raw.fields[column].column)
            } else {
                rawValues.append(nil)
                columns.append(nil)
            }
        }
        var outcomes: [ValueOutcome] = []
        var values: [NormalisedValue?] = []
        outcomes.reserveCapacity(count)
        values.reserveCapacity(count)
        for index in 0..<count {
            let outcome = rawValues[index].map { normalisers[index].normalise($0) } ?? .null
            outcomes.append(outcome)
            if case .value(let value) = outcome { values.append(value) } else { values.append(nil) }
        }
        let vendor: String
        switch feed.vendor {
        case .constant(let name): vendor = name
        case .field: vendor = vendorIndex.flatMap { values[$0]?.cleanText ?? rawValues[$0] } ?? ""
        }
        var findings: [Finding] = []
        func add(_ severity: Severity, _ ruleID: String, _ violation: RuleViolation, field index: Int?) {
            var location = SourceLocation(file: file, line: raw.line, record: raw.number)
            var fieldName: String?
            var rawValue: String?
            if let index {
                // The value's own line (a quoted value may start on a later line than the record).
                location.line =
                    binding.columns[index].flatMap { $0 < raw.fields.count ? raw.fields[$0].line : nil }
                    ?? raw.line
                location.column = columns[index]
                location.field = binding.columns[index].flatMap { $0 < raw.fields.count ? raw.fields[$0].key : nil }
                location.path = binding.columns[index].flatMap { $0 < raw.fields.count ? raw.fields[$0].path : nil }
                fieldName = fieldNames[index]
                rawValue = rawValues[index]
            }
            findings.append(
                Finding(
                    severity: severity, ruleID: ruleID, feed: feed.name, vendor: vendor, location: location,
                    field: fieldName, rawValue: rawValue, message: violation.message, hint: violation.hint))
        }
        for problem in raw.problems {
            var location = SourceLocation(file: file, line: problem.line, column: problem.column, record: raw.number)
            if let column = problem.column, column - 1 < raw.fields.count {
                location.field = raw.fields[column - 1].key
            }
            findings.append(
                Finding(
                    severity: .error, ruleID: problem.ruleID, feed: feed.name, vendor: vendor, location: location,
                    rawValue: problem.rawValue, message: problem.message, hint: problem.hint))
        }
        for index in 0..<count {
            switch outcomes[index] {
            case .null:
                if let severity = requiredSeverities[index] {
                    add(
                        severity, RequiredRule.id,
                        RequiredRule.violation(field: fieldNames[index], raw: rawValues[index]), field: index)
                }
            case .invalid(let problem):
                add(
                    .error, problem.ruleID,
                    RuleViolation(message: "field '\(fieldNames[index])': \(problem.message)", hint: problem.hint),
                    field: index)
            case .value(let value):
                var passed = true
                for rule in fieldRules[index] {
                    if let violation = rule.violation(of: value, field: fieldNames[index]) {
                        add(rule.severity, rule.id, violation, field: index)
                        if rule.severity == .error { passed = false }
                    }
                }
                // At the field's own position, so a record's findings stay in field order.
                if passed, uniqueFields[index] != nil,
                    let violation = uniqueFields[index]?.check(
                        value, field: fieldNames[index], line: raw.line, record: raw.number),
                    let severity = uniqueFields[index]?.severity
                {
                    add(severity, UniqueRule.id, violation, field: index)
                }
            }
        }
        for rule in comparisons {
            if let violation = rule.violation(left: values[rule.leftIndex], right: values[rule.rightIndex]) {
                add(rule.spec.severity, rule.id, violation, field: rule.leftIndex)
            }
        }
        if uniqueKey != nil, !findings.contains(where: { $0.severity == .error }), let key = uniqueKey?.key(of: values)
        {
            // Accessed through the optional each time so the key set is never copied.
            let place = UniqueKeyRule.FirstSeen(file: file, line: raw.line, record: raw.number)
            if let violation = uniqueKey?.check(key: key, values: values, at: place), let spec = uniqueKey?.spec {
                add(spec.severity, UniqueKeyRule.id, violation, field: uniqueKey?.indices.first)
            } else {
                currentFile = file
            }
        }
        if !piiIndices.isEmpty { maskPII(&findings, rawValues: rawValues, values: values, columns: columns) }
        return ValidatedRecord(
            raw: raw, rawValues: rawValues, columns: columns, values: values, outcomes: outcomes, vendor: vendor,
            findings: findings)
    }
}
