extension CSVRecordReader {
    /// Builds the record for the current row: one field per header column, plus its problems.
    func makeRecord() -> RawRecord {
        let count = scanner.fieldCount
        var fields: [RawField] = []
        fields.reserveCapacity(header.count)
        var problems: [ReadProblem] = []
        var extras: [String] = []
        for index in 0..<count {
            let (value, isValid) = fieldString(index)
            let line = scanner.fieldLines[index]
            if !isValid {
                problems.append(invalidEncodingProblem(field: index, line: line))
            }
            if index < header.count {
                fields.append(RawField(key: header[index], value: value, column: index + 1, line: line, place: .none))
            } else {
                extras.append(value)
            }
        }
        let lastLine = scanner.fieldLines[count - 1]
        if count < header.count {
            for index in count..<header.count {
                fields.append(RawField(key: header[index], value: nil, column: index + 1, line: lastLine, place: .none))
            }
            problems.append(
                ReadProblem(
                    ruleID: "ragged-row", line: scanner.rowLine, column: count + 1,
                    message:
                        "row has \(Counting.noun(count, "value")); the header has \(Counting.noun(header.count, "column"))",
                    hint: "check for a missing delimiter or a line break inside an unquoted value"))
        } else if count > header.count {
            problems.append(
                ReadProblem(
                    ruleID: "ragged-row", line: scanner.rowLine, column: header.count + 1,
                    rawValue: extras.joined(separator: String(UnicodeScalar(detectedDelimiter))),
                    message:
                        "row has \(Counting.noun(count, "value")); the header has \(Counting.noun(header.count, "column"))",
                    hint: "quote values that contain the delimiter, or add the missing header cells"))
        }
        return RawRecord(number: 0, line: scanner.rowLine, fields: fields, problems: problems)
    }

    private func invalidEncodingProblem(field index: Int, line: Int) -> ReadProblem {
        let range = scanner.fieldRange(index)
        let raw = scanner.bytes.withUnsafeBufferPointer {
            FieldText.escapingInvalidBytes(UnsafeBufferPointer(rebasing: $0[range]))
        }
        let hint =
            encoding.form == .utf8
            ? "declare the file's encoding in the feed (encoding: windows-1252) or ask the vendor for UTF-8"
            : "check the encoding declared in the feed or ask the vendor for UTF-8"
        return ReadProblem(
            ruleID: "invalid-encoding", line: line, column: index + 1, rawValue: raw,
            message: "value has bytes that are not valid \(encoding.form.rawValue)", hint: hint)
    }
}
