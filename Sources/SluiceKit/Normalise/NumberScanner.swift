/// The written form of numbers for one field: separators and whether accounting negatives are allowed.
struct NumberSyntax: Sendable {
    /// The decimal separator, or `nil` for whole numbers.
    var decimalSeparator: UInt8?
    /// The declared thousands separator as UTF-8 (it may be a no-break space); empty when none.
    var thousandsSeparator: [UInt8]
    /// Whether `(12.50)` means -12.50.
    var allowsParentheses: Bool

    init(decimalSeparator: Character?, thousandsSeparator: Character?, allowsParentheses: Bool) {
        self.decimalSeparator = decimalSeparator?.asciiValue
        self.thousandsSeparator = thousandsSeparator.map { Array(String($0).utf8) } ?? []
        self.allowsParentheses = allowsParentheses
    }
}

/// A number as read: sign, digits as an unsigned integer, and how many were after the separator.
struct ScannedNumber: Sendable {
    var negative: Bool
    /// The digits as an integer; meaningless when `overflowed`.
    var magnitude: UInt64
    var fractionDigits: Int
    /// Digits from the first non-zero one on.
    var significantDigits: Int
    /// Digits before the separator, leading zeros included.
    var integerDigits: Int
    /// The digits do not fit 64 bits.
    var overflowed: Bool

    /// The value as an exact decimal when it has at most 18 significant and 18 fractional digits.
    var exactDecimal: ExactDecimal? {
        guard !overflowed, significantDigits <= 18, fractionDigits <= 18 else { return nil }
        let value = Int64(magnitude)
        return ExactDecimal(significand: negative ? -value : value, scale: fractionDigits)
    }
}

/// Why text is not a number.
enum NumberScanError: Error, Sendable {
    /// Not a number at all.
    case malformed
    /// Thousands separators not between groups of three digits.
    case badGrouping
    /// A separator the field does not declare (`,` in `1,234` with no thousands separator).
    case unexpectedSeparator(UInt8)
}

/// Reads `[sign] digits [groups] [separator digits]`, or `(…)` for a negative, over the whole input.
///
/// One pass, no allocation. Grouping is strict: the first group has 1–3 digits and every later
/// group exactly 3, so `12,34` is rejected rather than read as 1234.
func scanNumber(_ bytes: Bytes, _ syntax: NumberSyntax) -> Result<ScannedNumber, NumberScanError> {
    var index = 0
    var end = bytes.count
    var number = ScannedNumber(
        negative: false, magnitude: 0, fractionDigits: 0, significantDigits: 0, integerDigits: 0, overflowed: false)
    guard end > 0 else { return .failure(.malformed) }
    var parenthesised = false
    if syntax.allowsParentheses && bytes[0] == UInt8(ascii: "(") {
        guard end >= 2, bytes[end - 1] == UInt8(ascii: ")") else { return .failure(.malformed) }
        parenthesised = true
        number.negative = true
        index = 1
        end -= 1
    }
    if index < end && (bytes[index] == ASCII.plus || bytes[index] == ASCII.minus) {
        if parenthesised { return .failure(.malformed) }
        number.negative = bytes[index] == ASCII.minus
        index += 1
    }
    var groupDigits = 0
    var grouped = false
    let separator = syntax.thousandsSeparator
    while index < end {
        let byte = bytes[index]
        if ASCII.isDigit(byte) {
            number.append(byte &- 0x30)
            number.integerDigits += 1
            groupDigits += 1
            index += 1
        } else if !separator.isEmpty && bytes.matches(separator, at: index) && index + separator.count < end {
            guard groupDigits > 0, grouped ? groupDigits == 3 : groupDigits <= 3 else {
                return .failure(.badGrouping)
            }
            grouped = true
            groupDigits = 0
            index += separator.count
        } else {
            break
        }
    }
    if grouped && groupDigits != 3 { return .failure(.badGrouping) }
    if index < end, let decimal = syntax.decimalSeparator, bytes[index] == decimal {
        index += 1
        while index < end && ASCII.isDigit(bytes[index]) {
            number.append(bytes[index] &- 0x30)
            number.fractionDigits += 1
            index += 1
        }
        // `12.` is refused: a separator with nothing after it is more likely a cut-off value.
        if number.fractionDigits == 0 { return .failure(.malformed) }
    }
    if number.integerDigits == 0 && number.fractionDigits == 0 { return .failure(.malformed) }
    if index < end {
        let byte = bytes[index]
        if !separator.isEmpty && bytes.matches(separator, at: index) { return .failure(.badGrouping) }
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == ASCII.space {
            return .failure(.unexpectedSeparator(byte))
        }
        return .failure(.malformed)
    }
    return .success(number)
}

extension ScannedNumber {
    @inline(__always) mutating func append(_ digit: UInt8) {
        if magnitude != 0 || digit != 0 || overflowed { significantDigits += 1 }
        guard !overflowed else { return }
        let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
        if overflow1 || overflow2 { overflowed = true } else { magnitude = sum }
    }
}

/// A hint for a separator the field does not declare: suggest declaring it as the thousands separator
/// when that would make the value read cleanly, otherwise show the expected form.
func separatorHint(_ bytes: Bytes, unexpected: UInt8, syntax: NumberSyntax, fallback: String) -> String {
    var retry = syntax
    retry.thousandsSeparator = [unexpected]
    let shown = String(UnicodeScalar(unexpected))
    if unexpected != syntax.decimalSeparator, case .success = scanNumber(bytes, retry) {
        return "if '\(shown)' separates thousands, declare thousands-separator: '\(shown)' for this field"
    }
    return fallback
}
