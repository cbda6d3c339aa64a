import Foundation

/// Guesses a sample's format, and where its records are in XML and JSON.
enum StructureGuesser {
    /// Bytes looked at to guess the format and the record path.
    static let headLength = 1 << 20

    /// The format from the first bytes; workbooks by their zip signature.
    static func format(of url: URL, displayPath: String) throws(SluiceError) -> InputFormat {
        let head = self.head(of: url)
        if let kind = FormatSniffer.kind(of: Array(head.prefix(8))) {
            if kind == .zip { return .xlsx }
            throw .input(
                path: displayPath,
                message: "file is \(kind.rawValue); describe reads CSV, XML, JSON, NDJSON and XLSX files")
        }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else {
            throw .input(path: displayPath, message: "file is empty")
        }
        switch bytes[first] {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "{"):
            // NDJSON: the first line is a whole object and another object starts on a later line.
            let ext = url.pathExtension.lowercased()
            if ext == "ndjson" || ext == "jsonl" { return .ndjson }
            let lines = bytes[first...].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            if lines.count >= 2, let last = lines[0].lastIndex(where: { !isSpace($0) }),
                lines[0][last] == UInt8(ascii: "}"),
                lines[1].first(where: { !isSpace($0) }) == UInt8(ascii: "{")
            {
                return .ndjson
            }
            return .json
        default: return .csv
        }
    }

    /// The record element of an XML sample: the most repeated element that has child
    /// elements or attributes (`/unload/u_vendor_kpi`); ties go to the shallower.
    ///
    /// Only tag names are looked at, by a small scanner over the first MiB: the path is a
    /// guess, and the records are then read by ``XMLRecordReader`` with all its safety rules.
    static func xmlRecordPath(of url: URL) -> String? {
        let bytes = head(of: url)
        var stack: [String] = []
        var counts: [String: Int] = [:]
        var order: [String] = []
        var recordLike: Set<String> = []
        var index = 0
        func skip(past terminator: [UInt8]) {
            while index < bytes.count, !bytes[index...].starts(with: terminator) { index += 1 }
            index += terminator.count
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let rest = bytes[index...]
            if rest.starts(with: Array("<!--".utf8)) {
                skip(past: Array("-->".utf8))
            } else if rest.starts(with: Array("<![CDATA[".utf8)) {
                skip(past: Array("]]>".utf8))
            } else if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!".utf8)) {
                skip(past: Array(">".utf8))
            } else if rest.starts(with: Array("</".utf8)) {
                skip(past: Array(">".utf8))
                stack.removeLast(stack.isEmpty ? 0 : 1)
            } else {
                var end = index + 1
                var quote: UInt8?
                while end < bytes.count {
                    let byte = bytes[end]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    end += 1
                }
                guard end < bytes.count else { break }
                let tag = bytes[(index + 1)..<end]
                let selfClosing = tag.last == UInt8(ascii: "/")
                let nameEnd = tag.firstIndex { isSpace($0) || $0 == UInt8(ascii: "/") } ?? tag.endIndex
                let qualified = String(decoding: tag[tag.startIndex..<nameEnd], as: UTF8.self)
                let name = qualified.split(separator: ":").last.map(String.init) ?? qualified
                if let parent = stack.last.map({ _ in "/" + stack.joined(separator: "/") }) {
                    recordLike.insert(parent)
                }
                let path = "/" + (stack + [name]).joined(separator: "/")
                if counts[path] == nil { order.append(path) }
                counts[path, default: 0] += 1
                if tag[nameEnd...].contains(UInt8(ascii: "=")) { recordLike.insert(path) }
                if !selfClosing { stack.append(name) }
                index = end + 1
            }
        }
        let candidates = order.filter { recordLike.contains($0) && $0.split(separator: "/").count >= 2 }
        let best = candidates.max { lhs, rhs in
            let (left, right) = (counts[lhs]!, counts[rhs]!)
            if left != right { return left < right }
            return lhs.split(separator: "/").count > rhs.split(separator: "/").count
        }
        return best
    }

    /// The dotted path of the first array of objects in a JSON sample: `""` for a top-level
    /// array, `records`, `data.items`. Read with the real ``JSONTokenizer``, over the first MiB.
    static func jsonRecordsPath(of url: URL) -> String? {
        var bytes = head(of: url)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var tokenizer = JSONTokenizer()
        enum Container {
            case object(key: String?)
            case array
        }
        var stack: [Container] = []
        var arrayPath: String?
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            var index = 0
            while let token = try? tokenizer.next(in: buffer, at: &index) {
                if let path = arrayPath {
                    if token == .beginObject { return path }
                    arrayPath = nil
                }
                switch token {
                case .key:
                    if case .object? = stack.last {
                        stack[stack.count - 1] = .object(key: String(decoding: tokenizer.text, as: UTF8.self))
                    }
                case .beginObject: stack.append(.object(key: nil))
                case .beginArray:
                    var keys: [String] = []
                    var plain = true
                    for container in stack {
                        if case .object(let key?) = container { keys.append(key) } else { plain = false }
                    }
                    if plain { arrayPath = keys.joined(separator: ".") }
                    stack.append(.array)
                case .endObject, .endArray: stack.removeLast(stack.isEmpty ? 0 : 1)
                default: break
                }
            }
            return nil
        }
    }

    static func head(of url: URL) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: headLength)) ?? Data())
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
