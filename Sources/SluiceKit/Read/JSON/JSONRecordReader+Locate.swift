/// Finding the records array, skipping what is around it, and checking the rest of the document.
extension JSONRecordReader {
    /// How many sibling keys a "no array at…" message lists.
    static let listedKeyLimit = 20

    /// Reads up to the opening `[` of the records array.
    mutating func locateRecords() throws(ReadError) {
        guard var token = try nextToken() else { throw failure("the file holds no JSON value") }
        if pathTokens.isEmpty {
            if token == .beginArray { return }
            var detail = "the top level is \(token.valueDescription)"
            if token == .beginObject {
                detail +=
                    " with " + (try describeKeys(skippingTo: nil)) + "; set the records path to the key of the array"
            }
            throw failure("no array at the top level; " + detail)
        }
        for level in pathTokens.indices {
            let here = level == 0 ? "the top level" : "'\(dotted(level))'"
            guard token == .beginObject else {
                throw failure("no array at '\(recordsPath)'; \(here) is \(token.valueDescription), not an object")
            }
            let keys = try describeKeys(skippingTo: pathTokens[level])
            if !keys.isEmpty {
                throw failure("no array at '\(recordsPath)'; \(here) has \(keys)")
            }
            guard let value = try nextToken() else { throw failure("the file ends inside an object") }
            token = value
        }
        guard token == .beginArray else {
            throw failure("'\(recordsPath)' is \(token.valueDescription), not an array of records")
        }
    }

    /// Reads an object's members up to the key `target` (returning "") or to its end, then
    /// returns its keys for a message: `keys: 'meta', 'result'` or `no keys`.
    private mutating func describeKeys(skippingTo target: [UInt8]?) throws(ReadError) -> String {
        var keys: [String] = []
        var count = 0
        while let token = try nextToken() {
            if token == .endObject { break }
            if let target, tokenizer.withText({ $0.elementsEqual(target) }) { return "" }
            count += 1
            if keys.count < Self.listedKeyLimit {
                keys.append("'" + tokenizer.withText { String(decoding: $0, as: UTF8.self) } + "'")
            }
            try skipValue()
        }
        if count == 0 { return "no keys" }
        let more = count > keys.count ? ", … (\(count - keys.count) more)" : ""
        return "keys: " + keys.joined(separator: ", ") + more
    }

    /// Reads one whole value, validating it and keeping nothing.
    mutating func skipValue() throws(ReadError) {
        guard let first = try nextToken(), first == .beginObject || first == .beginArray else { return }
        var depth = 1
        while depth > 0, let token = try nextToken() {
            switch token {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            default: break
            }
        }
    }

    /// After the records array: validates the rest, and refuses a second records array
    /// (a repeated key on the path), whose records would otherwise be silently ignored.
    mutating func readToEnd() throws(ReadError) {
        var openAncestors = pathTokens.count
        while let token = try nextToken() {
            let depth = tokenizer.depth
            if token == .endObject && depth < openAncestors {
                openAncestors = depth
            } else if token == .key && depth == openAncestors
                && tokenizer.withText({ $0.elementsEqual(pathTokens[depth - 1]) })
            {
                let place = depth == 1 ? "the top level" : "'\(dotted(depth - 1))'"
                let key = tokenizer.withText { String(decoding: $0, as: UTF8.self) }
                throw failure(
                    "key '\(key)' appears more than once in \(place) at line \(tokenizer.tokenLine); "
                        + "only one records array is allowed")
            }
        }
    }

    /// The first `count` path tokens joined with dots: `data`.
    private func dotted(_ count: Int) -> String {
        pathTokens[0..<count].map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
    }
}
