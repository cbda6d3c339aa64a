#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one XML file can be cut so its chunks are parsed at once, each by its own parser.
///
/// The *prologue* is the file up to the first record's start tag: XML declaration, comments and
/// the start tags of the records' ancestors (with their attributes and namespace declarations).
/// A later chunk starts at a record's start tag found by text (`<record` then whitespace, `>`
/// or `/`) and is parsed as prologue + chunk + the ancestors' end tags, so its parser is in the
/// same state the whole file's parser would be there. Text can lie (`<record` in a comment or
/// CDATA, or a deeper element of that name): ``XMLParallelRecordReader`` proves each cut by
/// the chunk before it ending cleanly.
///
/// Only made for files it can read exactly: UTF-8 (or ASCII, declared or not), no DOCTYPE, a
/// prologue within the first MiB, and the first record element found by a small scanner of
/// comments, processing instructions, CDATA, tags and quoted attribute values.
struct XMLChunkPlan: Sendable {
    let fileSize: Int
    let prologue: [UInt8]
    /// The end tags of the elements open where the first record starts, innermost first.
    let suffix: [UInt8]
    /// How many elements are open where the first record starts.
    let parentDepth: Int
    /// Where the first record's start tag begins.
    let firstRecordOffset: Int
    /// The line libxml2 gives the first record: where its start tag ends.
    let firstRecordLine: Int
    /// `<` and the first record's qualified name: chunks start where this text does.
    let recordTag: [UInt8]
    /// Bytes between nominal chunk starts.
    let chunkSize: Int

    /// The prologue must lie within this many bytes at the start of the file.
    static let headLength = 1 << 20

    /// A plan for a file whose first bytes are `head`; `nil` when the file cannot be split safely.
    init?(head: UnsafeBufferPointer<UInt8>, fileSize: Int, recordPath: XMLRecordPath, chunkSize: Int) {
        guard !head.contains(0), let start = Self.startAfterDeclaration(head) else { return nil }
        var scanner = XMLPrologueScanner(bytes: head, position: start)
        guard let first = scanner.firstRecord(named: recordPath.names[recordPath.names.count - 1]),
            recordPath.matches(ancestors: first.ancestors.map(\.local), name: first.local)
        else { return nil }
        self.fileSize = fileSize
        self.chunkSize = max(chunkSize, 1)
        prologue = Array(head[0..<first.offset])
        suffix = first.ancestors.reversed().flatMap { Array("</".utf8) + $0.qualified + Array(">".utf8) }
        parentDepth = first.ancestors.count
        firstRecordOffset = first.offset
        firstRecordLine = 1 + head[0...first.tagEnd].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        recordTag = Array("<".utf8) + first.qualified
    }

    /// Where the XML declaration ends (after a UTF-8 byte order mark), or 0 without one; `nil`
    /// when it declares an encoding other than UTF-8 or ASCII.
    private static func startAfterDeclaration(_ head: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        if head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { start = 3 }
        let declaration = Array("<?xml".utf8)
        guard head.count >= start + 6, Array(head[start..<(start + 5)]) == declaration,
            [0x20, 0x09, 0x0A, 0x0D].contains(head[start + 5])
        else { return start }
        guard let end = find(Array("?>".utf8), in: head, from: start) else { return nil }
        let text = String(decoding: head[start..<end], as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding") else { return end + 2 }
        let value = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let name = value.dropFirst().prefix { $0 != quote }
        return ["utf-8", "utf8", "us-ascii", "ascii"].contains(String(name)) ? end + 2 : nil
    }

    /// Where `needle` starts in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The nominal start of chunk `index` (1 or more); chunk 0 starts at the file's start.
    func nominalStart(of index: Int) -> Int {
        let (product, overflow) = index.multipliedReportingOverflow(by: chunkSize)
        return overflow ? .max : firstRecordOffset.addingReportingOverflow(product).partialValue
    }

    /// The first place at or after `offset` where the record tag's text starts; the file's
    /// size when there is none.
    func boundary(atOrAfter offset: Int, in file: XMLFileRange) throws(ReadError) -> Int {
        let window = 64 * 1024
        var start = offset
        while start < fileSize {
            let bytes = try file.read(at: start, count: window + recordTag.count)
            if let found = bytes.withUnsafeBufferPointer({ tagStart(in: $0, before: window) }) {
                return start + found
            }
            if bytes.count < window + recordTag.count { break }
            start += window
        }
        return fileSize
    }

    /// The first record tag starting before `limit` in `bytes` and followed by whitespace, `>`
    /// or `/` (a longer name such as `<records` does not count).
    private func tagStart(in bytes: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        let end = min(limit, bytes.count)
        while index < end {
            guard let found = memchr(base + index, 0x3C, end - index) else { return nil }
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            let after = at + recordTag.count
            if after < bytes.count, bytes[at..<after].elementsEqual(recordTag),
                [0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F].contains(bytes[after])
            {
                return at
            }
            index = at + 1
        }
        return nil
    }
}

/// Finds the first record's start tag in a file's first bytes, keeping the open elements.
struct XMLPrologueScanner {
    /// An open element: its name as written and its local name.
    struct Element {
        var qualified: [UInt8]
        var local: String
    }

    /// The first record's start tag: where it starts and ends, its name and the open elements.
    struct Found {
        var offset: Int
        var tagEnd: Int
        var qualified: [UInt8]
        var local: String
        var ancestors: [Element]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    /// Scans to the first start tag whose local name is `recordName`; `nil` at a DOCTYPE or
    /// anything else it does not understand, or when the bytes end first.
    mutating func firstRecord(named recordName: String) -> Found? {
        var open: [Element] = []
        while let less = next(0x3C) {
            position = less + 1
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case 0x3F:  // <? … ?>
                guard skip(past: "?>") else { return nil }
            case 0x21:  // <!-- … --> or <![CDATA[ … ]]>; a DOCTYPE is refused
                if starts(with: "!--") {
                    guard skip(past: "-->") else { return nil }
                } else if starts(with: "![CDATA[") {
                    guard skip(past: "]]>") else { return nil }
                } else {
                    return nil
                }
            case 0x2F:  // </name>
                guard !open.isEmpty, let end = next(0x3E) else { return nil }
                open.removeLast()
                position = end + 1
            default:
                let nameStart = position
                while position < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E].contains(bytes[position]) {
                    position += 1
                }
                let qualified = Array(bytes[nameStart..<position])
                guard !qualified.isEmpty, let tagEnd = skipAttributes() else { return nil }
                let name = String(decoding: qualified, as: UTF8.self)
                let local = String(name.split(separator: ":", omittingEmptySubsequences: false).last ?? "")
                if local == recordName {
                    return Found(offset: less, tagEnd: tagEnd, qualified: qualified, local: local, ancestors: open)
                }
                if bytes[tagEnd - 1] != 0x2F { open.append(Element(qualified: qualified, local: local)) }
                position = tagEnd + 1
            }
        }
        return nil
    }

    /// The next `byte` at or after the position.
    private func next(_ byte: UInt8) -> Int? {
        var index = position
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func starts(with text: String) -> Bool {
        let needle = Array(text.utf8)
        return position + needle.count <= bytes.count
            && bytes[position..<(position + needle.count)].elementsEqual(needle)
    }

    /// Moves past the next `text`; whether it was found.
    private mutating func skip(past text: String) -> Bool {
        guard let found = XMLChunkPlan.find(Array(text.utf8), in: bytes, from: position) else { return false }
        position = found + text.utf8.count
        return true
    }

    /// The offset of the `>` ending the tag, past quoted attribute values.
    private mutating func skipAttributes() -> Int? {
        var quote: UInt8? = nil
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return position
            } else if byte == 0x3C {
                return nil
            }
            position += 1
        }
        return nil
    }
}
