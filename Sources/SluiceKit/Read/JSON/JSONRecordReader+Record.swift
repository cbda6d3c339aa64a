import Foundation

/// Flattening one record object into fields.
extension JSONRecordReader {
    /// An open object or array inside the record: its flattened key, its pointer relative to
    /// the record, and for an array the index of its next element.
    struct Frame {
        var key: String
        var pointer: String
        var isArray: Bool
        var nextIndex = 0
    }

    /// Reads the record whose `{` was just read; nested objects become dotted keys, array
    /// elements indexed keys, and an empty object or array no key at all.
    ///
    /// A value's pointer is kept as the record's pointer and the member's pointer within it
    /// (for a top-level member, its name: the String the key shares), joined only when a
    /// finding needs it.
    mutating func readRecord() throws(ReadError) -> RawRecord {
        let recordLine = tokenizer.tokenLine
        let base = lines ? RecordPath.root : RecordPath(.item(array: recordsPointer, index: recordCount - 1))
        // The open containers, in an array kept across records (one allocation fewer per record).
        var frames = recordFrames
        recordFrames = []
        defer { recordFrames = frames }
        if !frames.isEmpty { frames.removeAll(keepingCapacity: true) }
        frames.append(Frame(key: "", pointer: "", isArray: false))
        // The member just read: its position in `recentKeys`.
        var member = 0
        var fields: [RawField] = []
        // Records mostly repeat the previous one's members: room for them at once, not by doubling.
        fields.reserveCapacity(recentKeys.count)
        var problems: [ReadProblem] = []
        var heldBytes = 0
        var keyCount = 0
        while true {
            // A member of the record's own object read at once, when it is plain.
            if frames.count == 1, let plain = nextPlainMember() {
                member = recentKey(at: keyCount, name: plain.name)
                keyCount += 1
                appendMemberValue(
                    plain.token, member: member, base: base, to: &fields, problems: &problems, heldBytes: &heldBytes)
                continue
            }
            guard let token = try nextToken() else { break }
            switch token {
            case .key:
                if tokenizer.textIsInChunk {
                    member = recentKey(at: keyCount, name: tokenizer.chunkText)
                } else {
                    let owned = tokenizer.ownedText
                    member = owned.withUnsafeBufferPointer { recentKey(at: keyCount, name: $0) }
                }
                keyCount += 1
                if tokenizer.replacedLoneSurrogate {
                    problems.append(
                        loneSurrogateProblem(in: "key", text: recentKeys[member].key, column: fields.count + 1))
                }
                continue
            case .endObject, .endArray:
                frames.removeLast()
                if frames.isEmpty {
                    return RawRecord(number: recordCount, line: recordLine, fields: fields, problems: problems)
                }
                continue
            case .string, .number, .literalTrue, .literalFalse, .null:
                // A value of the record's own object: the member's key and pointer token are
                // stored Strings, moved into the field without the nested path's copies (callgrind,
                // 20k NDJSON records: 4 String retains and 2 releases a value before, 2 and none after).
                if frames.count == 1 {
                    appendMemberValue(
                        token, member: member, base: base, to: &fields, problems: &problems, heldBytes: &heldBytes)
                    continue
                }
            case .beginObject, .beginArray:
                break
            }
            let top = frames.count - 1
            let name: String
            let escaped: String
            if frames[top].isArray {
                name = String(frames[top].nextIndex)
                escaped = name
                frames[top].nextIndex += 1
            } else {
                name = recentKeys[member].key
                escaped = recentKeys[member].escaped
            }
            let key = top == 0 ? name : frames[top].key + "." + name
            let pointer = top == 0 ? escaped : frames[top].pointer + "/" + escaped
            let value: String?
            switch token {
            case .beginObject, .beginArray:
                frames.append(Frame(key: key, pointer: pointer, isArray: token == .beginArray))
                continue
            default: value = scalarValue(token)
            }
            if token == .string && tokenizer.replacedLoneSurrogate {
                problems.append(loneSurrogateProblem(in: "value", text: value ?? "", column: fields.count + 1))
            }
            heldBytes += key.utf8.count + (value?.utf8.count ?? 0) + pointer.utf8.count
            bufferedBytesHighWater = max(bufferedBytesHighWater, heldBytes + tokenizer.textCount)
            // Key, value and pointer are moved into the field, not copied (7 M instructions fewer
            // for 20k records, callgrind); `RawField`'s memberwise initialiser builds it in place.
            fields.append(
                RawField(
                    key: consume key, value: consume value, column: fields.count + 1, line: tokenizer.tokenLine,
                    place: .joined(base: base, tail: FieldPathTail(relative: consume pointer))))
        }
        // The tokenizer throws at an end of file inside an object, so this is not reached.
        throw failure("the file ends inside record \(recordCount)")
    }

    /// Appends the field of a value of the record's own object, just read.
    @inline(__always)
    private mutating func appendMemberValue(
        _ token: JSONToken, member: Int, base: RecordPath, to fields: inout [RawField],
        problems: inout [ReadProblem], heldBytes: inout Int
    ) {
        let value = scalarValue(token)
        if token == .string && tokenizer.replacedLoneSurrogate {
            problems.append(loneSurrogateProblem(in: "value", text: value ?? "", column: fields.count + 1))
        }
        heldBytes += recentKeys[member].bytes + (value?.utf8.count ?? 0)
        bufferedBytesHighWater = max(bufferedBytesHighWater, heldBytes + tokenizer.textCount)
        fields.append(
            RawField(
                key: recentKeys[member].key, value: consume value, column: fields.count + 1, line: tokenizer.tokenLine,
                place: .joined(base: base, tail: recentKeys[member].tail)))
    }

    /// The next member of the current object when it can be read at once (see
    /// ``JSONTokenizer/nextPlainMember(in:at:)``), from the bytes ``nextToken()`` would hand on.
    private mutating func nextPlainMember() -> JSONTokenizer.PlainMember? {
        guard let chunk, let start = chunk.baseAddress, chunkIndex < chunk.count else { return nil }
        let piece = UnsafeBufferPointer(start: start + chunkIndex, count: min(chunk.count - chunkIndex, sliceSize))
        var index = 0
        guard let member = tokenizer.nextPlainMember(in: piece, at: &index) else { return nil }
        chunkIndex += index
        return member
    }

    /// The text of the string, number or literal just read; `nil` for `null`.
    @inline(__always)
    private func scalarValue(_ token: JSONToken) -> String? {
        switch token {
        // The tokenizer has checked the bytes are UTF-8.
        case .string, .number: tokenizer.withText { FieldText.string(validUTF8: $0) }
        case .literalTrue: "true"
        case .literalFalse: "false"
        default: nil
        }
    }

    /// The position in `recentKeys` of the member name just read (`read`), with its JSON pointer token:
    /// the previous record's at this position when the bytes are the same, else made now (and
    /// the later positions forgotten, since a record that differs here mostly differs after).
    ///
    /// The names' bytes are compared in `recentKeyBytes`: reading a String's bytes cost a
    /// retain and a release of it, and returning the pair two more (callgrind, 20k records).
    private mutating func recentKey(at position: Int, name read: UnsafeBufferPointer<UInt8>) -> Int {
        if position < recentKeys.count {
            let start = position == 0 ? 0 : recentKeyEnds[position - 1]
            let count = recentKeyEnds[position] - start
            let same = recentKeyBytes.withUnsafeBufferPointer { stored in
                read.count == count
                    && (count == 0 || memcmp(stored.baseAddress! + start, read.baseAddress!, count) == 0)
            }
            if same { return position }
            recentKeys.removeSubrange(position...)
            recentKeyEnds.removeSubrange(position...)
            recentKeyBytes.removeSubrange(start...)
        }
        recentKeyBytes.append(contentsOf: read)
        let key = String(decoding: read, as: UTF8.self)
        recentKeyEnds.append(recentKeyBytes.count)
        let escaped = JSONPointer.escape(key)
        recentKeys.append(
            (
                key: key, escaped: escaped, bytes: key.utf8.count + escaped.utf8.count,
                tail: FieldPathTail(relative: escaped)
            ))
        return recentKeys.count - 1
    }

    /// A lone surrogate escape, replaced by U+FFFD: the record is kept, with this problem.
    private func loneSurrogateProblem(in part: String, text: String, column: Int) -> ReadProblem {
        ReadProblem(
            ruleID: "invalid-encoding", line: tokenizer.tokenLine, column: column, rawValue: text,
            message: "\(part) has a \\u escape of half a character (a lone surrogate), replaced by U+FFFD",
            hint: "ask the vendor to export whole characters; the text was probably cut in the middle of one")
    }
}
