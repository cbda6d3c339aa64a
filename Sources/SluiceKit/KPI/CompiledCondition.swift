/// A condition checked against a feed's fields once, so that testing a record is only comparisons.
///
/// Each literal is normalised with its field's own parser when compiled, so `channel == Phone` matches
/// the canonical enum value a synonym `Phone` maps to, `resolved == yes` matches `true`, and
/// `wait_time_s <= 20` compares numbers, never text.
public struct CompiledCondition: Sendable {
    /// The condition as written.
    public let condition: Condition
    private let clauses: [CompiledClause]

    /// One clause: the field's position in a record, the operator and the normalised literal.
    private struct CompiledClause: Sendable {
        var index: Int
        var op: ComparisonOperator
        var literal: NormalisedValue
    }

    /// Compiles `condition` against `fields`; throws for an unknown field, a literal that is not a value
    /// of its field's kind, or an ordering operator on a field whose values have no order.
    public init(_ condition: Condition, fields: [FieldSpec]) throws(ConditionError) {
        self.condition = condition
        var clauses: [CompiledClause] = []
        for clause in condition.clauses {
            let index = try Self.index(of: clause.field, in: fields, context: "condition \(quoted(condition.text))")
            let field = fields[index]
            if clause.op != .equal && clause.op != .notEqual && (field.kind == .boolean || field.kind == .enum) {
                throw ConditionError(
                    message: "\(quoted(field.name)) holds \(field.kind.rawValue) values, which have no order; "
                        + "use == or != in \(quoted(condition.text))")
            }
            clauses.append(
                CompiledClause(index: index, op: clause.op, literal: try Self.literal(clause.literal, of: field)))
        }
        self.clauses = clauses
    }

    /// Whether every clause holds for a record whose values are indexed like the fields.
    ///
    /// An empty value never satisfies a clause, not even `!=`: a contact with no recorded channel is not
    /// known to be "not voice", and a KPI must not count it as if it were.
    public func holds(_ values: [NormalisedValue?]) -> Bool {
        for clause in clauses {
            guard let value = values[clause.index], Self.holds(value, clause.op, clause.literal) else { return false }
        }
        return true
    }

    private static func holds(_ value: NormalisedValue, _ op: ComparisonOperator, _ literal: NormalisedValue) -> Bool {
        // Numbers, dates and text compare by value (20 == 20.0); kinds without an order by equality.
        guard let order = value.compare(to: literal) else {
            switch op {
            case .equal: return value == literal
            case .notEqual: return value != literal
            default: return false
            }
        }
        switch op {
        case .lessThan: return order < 0
        case .lessOrEqual: return order <= 0
        case .greaterThan: return order > 0
        case .greaterOrEqual: return order >= 0
        case .equal: return order == 0
        case .notEqual: return order != 0
        }
    }

    /// The position of a field by canonical name, or an error with a did-you-mean.
    static func index(of name: String, in fields: [FieldSpec], context: String) throws(ConditionError) -> Int {
        if let index = fields.firstIndex(where: { $0.name == name }) { return index }
        let suggestion = DidYouMean.clause(for: name, among: fields.map(\.name))
        throw ConditionError(message: "unknown field \(quoted(name)) in \(context)\(suggestion)")
    }

    /// The literal as a value of the field, parsed like a range bound: with the field's own parser, or
    /// in the canonical form of cleaned data (`.` decimals, ISO dates), percentages always in points.
    private static func literal(_ raw: String, of field: FieldSpec) throws(ConditionError) -> NormalisedValue {
        let normaliser: ValueNormaliser
        do {
            normaliser = try ValueNormaliser(field: field)
        } catch {
            // The loader reports a field's bad format where the field is declared; here it only means the
            // literal cannot be read.
            throw ConditionError(message: "\(quoted(raw)) cannot be read for \(quoted(field.name)): \(error.message)")
        }
        if let value = normaliser.parseBound(raw) { return value }
        if normaliser.normalise(raw) == .null {
            throw ConditionError(
                message: "\(quoted(raw)) means no value for \(quoted(field.name)); compare with a value "
                    + "(an empty value never matches)")
        }
        guard field.kind == .enum else {
            throw ConditionError(
                message: "\(quoted(raw)) is not a valid \(field.kind.rawValue) for \(quoted(field.name))")
        }
        let values = field.enumValues.map(\.value).joined(separator: ", ")
        throw ConditionError(
            message: "\(quoted(raw)) is not a valid value for \(quoted(field.name)); expected one of \(values)")
    }
}
