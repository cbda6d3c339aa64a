extension CSVRecordReader {
    /// Builds the record for the current row: one field per header column, plus its problems.
    ///
    /// The fields are made in place in the record's array with `RawField`'s memberwise
    /// initialiser (no temporary to copy and destroy), the header's key Strings shared, not copied.
    func makeRecord() -> RawRecord {
        let count = scanner.fieldCount
        let columns = header.count
        let shared = min(count, columns)
        let lastLine = scanner.fieldLine(count - 1)
        var problems: [ReadProblem] = []
        // One ASCII check for the whole row, eight bytes at a time, instead of one per field:
        // an ASCII field needs neither validating nor repairing.
        let rowIsASCII = FieldText.asciiPrefixLength(scanner.bytes) == scanner.bytes.count
        let fields = header.withUnsafeBufferPointer { keys in
            [RawField](unsafeUninitializedCapacity: columns) { buffer, initialized in
                guard let out = buffer.baseAddress else { return }
                for index in 0..<shared {
                    let bytes = scanner.fieldBytes(index)
                    let line = scanner.fieldLine(index)
                    let value: String
                    if rowIsASCII {
                        value = FieldText.string(validUTF8: bytes)
                    } else {
                        let (decoded, isValid) = FieldText.decode(bytes)
                        if !isValid {
                            problems.append(invalidEncodingProblem(field: index, line: line))
                        }
                        value = decoded
                    }
                    (out + index).initialize(
                        to: RawField(key: keys[index], value: value, column: index + 1, line: line, place: .none))
                    initialized = index + 1
                }
                for index in shared..<columns {
                    (out + index).initialize(
                        to: RawField(key: keys[index], value: nil, column: index + 1, line: lastLine, place: .none))
                    initialized = index + 1
                }
            }
        }
        if count < columns {
            problems.append(
                ReadProblem(
                    ruleID: "ragged-row", line: scanner.rowLine, column: count + 1,
                    message:
                        "row has \(Counting.noun(count, "value")); the header has \(Counting.noun(columns, "column"))",
                    hint: "check for a missing delimiter or a line break inside an unquoted value"))
        } else if count > columns {
            var extras: [String] = []
            for index in columns..<count {
                let (value, isValid) = FieldText.decode(scanner.fieldBytes(index))
                if !isValid {
                    problems.append(invalidEncodingProblem(field: index, line: scanner.fieldLine(index)))
                }
                extras.append(value)
            }
            problems.append(
                ReadProblem(
                    ruleID: "ragged-row", line: scanner.rowLine, column: columns + 1,
                    rawValue: extras.joined(separator: String(UnicodeScalar(detectedDelimiter))),
                    message:
                        "row has \(Counting.noun(count, "value")); the header has \(Counting.noun(columns, "column"))",
                    hint: "quote values that contain the delimiter, or add the missing header cells"))
        }
        return RawRecord(number: 0, line: scanner.rowLine, fields: fields, problems: problems)
    }

    private func invalidEncodingProblem(field index: Int, line: Int) -> ReadProblem {
        let raw = FieldText.escapingInvalidBytes(scanner.fieldBytes(index))
        let hint =
            encoding.form == .utf8
            ? "declare the file's encoding in the feed (encoding: windows-1252) or ask the vendor for UTF-8"
            : "check the encoding declared in the feed or ask the vendor for UTF-8"
        return ReadProblem(
            ruleID: "invalid-encoding", line: line, column: index + 1, rawValue: raw,
            message: "value has bytes that are not valid \(encoding.form.rawValue)", hint: hint)
    }
}
