/// Turns SAX events into ``RawRecord``s: the XML reader's state machine, free of libxml2.
///
/// Outside a record it keeps only the open elements' names and sibling counts (for paths);
/// inside a record it keeps one frame per open element and the record's fields. Completed
/// records wait in a queue until ``XMLRecordReader/next()`` takes them, so memory is the
/// current record plus the records completed by one parsed chunk.
///
/// A struct, not a class: ``XMLSAXParser`` keeps it behind one pointer for the C callbacks, so
/// its arrays are reached without the runtime's exclusivity checks a class's stored properties
/// pay on every access (`swift_beginAccess` was 9 % of a 100k-record XML run).
///
/// Paths are kept in parts (the record's path, the value's path relative to it, usually the
/// key itself) and joined only when a finding needs one; sibling counts inside a record live in
/// one reused array rather than a dictionary per element. Per value, that leaves the value's
/// String as the only allocation (none when it is short).
struct XMLRecordCollector {
    /// One open element above or at the record level.
    private struct OuterFrame {
        var name: String
        var path: String
        var line: Int
        var childCounts: [String: Int] = [:]
    }

    /// One open element inside a record (the record element itself is the first).
    private struct Frame {
        var name: String
        /// Key relative to the record: `""` for the record element, `u_vendor`, `metrics/sl`.
        var key: String
        /// Path relative to the record: `""` for the record element, `u_vendor`, `metrics/sl`;
        /// the same String as `key` except under Archer-style field ids.
        var relative: String
        var line: Int
        /// Where this element's own value goes in `fields`: before its attributes and children.
        var slot: Int
        /// Where this element's text starts in `text`.
        var textStart: Int
        /// Where the counts of this element's children by name start in `siblings`.
        var siblingStart: Int
        var hasChildren = false
    }

    let recordPath: XMLRecordPath
    let maxValueBytes: Int
    /// The first problem that makes the file unusable; the parser stops when it is set.
    private(set) var failure: XMLReadFailure?
    /// The document element's local name, once seen.
    private(set) var rootName: String?
    /// Records started so far.
    private(set) var recordCount = 0

    private var outer: [OuterFrame] = []
    /// libxml2 interns names in its dictionary, so one pointer is one name: Strings are made
    /// once per distinct name, not once per element. The first 32 names seen (a record's element
    /// and attribute names are usually fewer) are found by a scan of `recentNames`, cheaper than
    /// hashing the pointer; later ones cost that scan and the dictionary.
    private var names: [UnsafePointer<UInt8>: String] = [:]
    private var recentNames: [(pointer: UnsafePointer<UInt8>, name: String)] = []
    private static let recentNameLimit = 32
    private var outerNames: [String] = []
    /// The open elements of the current record, the record element first.
    private var frames: [Frame] = []
    private var fields: [RawField] = []
    /// The current record's path: `/unload/u_vendor_kpi[3]`.
    private var recordBase = RecordPath.root
    /// Per open record element, its children's names with how many of each were seen so far,
    /// as a stack: each frame's run starts at its `siblingStart`.
    private var siblings: [(name: String, count: Int)] = []
    /// Text of the open record elements as a stack: each frame's text runs from its
    /// `textStart` to the end, because a child's text is dropped when the child ends. One
    /// reused buffer instead of an allocation per element.
    private var text: [UInt8] = []
    private var recordLine = 0
    private var completed: [RawRecord] = []
    private var completedHead = 0

    /// Archer-style field ids, when the feed declares them, and the names read so far.
    let fieldIDs: XMLFieldIDs?
    private var fieldNames: [String: String] = [:]
    /// The id and name attributes of the definition element being read.
    private var pendingDefinition: (id: String?, name: String?) = (nil, nil)

    init(recordPath: XMLRecordPath, maxValueBytes: Int, fieldIDs: XMLFieldIDs? = nil) {
        self.recordPath = recordPath
        self.maxValueBytes = maxValueBytes
        self.fieldIDs = fieldIDs
    }

    /// The String of a name libxml2 interned.
    mutating func name(_ pointer: UnsafePointer<UInt8>) -> String {
        for entry in recentNames where entry.pointer == pointer { return entry.name }
        if let known = names[pointer] { return known }
        let made = String(cString: pointer)
        if recentNames.count < Self.recentNameLimit {
            recentNames.append((pointer, made))
        } else {
            names[pointer] = made
        }
        return made
    }

    /// The innermost open element's local name and start line.
    var innermostElement: (name: String, line: Int)? {
        if let frame = frames.last { return (frame.name, frame.line) }
        return outer.last.map { ($0.name, $0.line) }
    }

    /// Whether the element just started is inside a record (or is a field definition), so its
    /// attributes are wanted.
    var isCapturing: Bool {
        if !frames.isEmpty { return true }
        // Outside records only Archer-style field definitions are of interest.
        guard let ids = fieldIDs else { return false }
        return outer.last?.name == ids.definition
    }

    /// Takes the oldest completed record.
    mutating func popRecord() -> RawRecord? {
        guard completedHead < completed.count else { return nil }
        let record = completed[completedHead]
        completedHead += 1
        if completedHead == completed.count {
            completed.removeAll(keepingCapacity: true)
            completedHead = 0
        }
        return record
    }

    /// An element starts at `line`; its attributes follow through ``attribute(_:value:)``.
    mutating func startElement(_ name: String, line: Int) {
        if rootName == nil { rootName = name }
        pendingDefinition = (nil, nil)
        if frames.isEmpty {
            let index = Self.nextIndex(of: name, in: &outer)
            let parentPath = outer.last?.path ?? ""
            if recordPath.matches(ancestors: outerNames, name: name) {
                recordCount += 1
                recordLine = line
                fields.removeAll(keepingCapacity: true)
                siblings.removeAll(keepingCapacity: true)
                recordBase = RecordPath(.element(parent: parentPath, name: name, index: index))
                frames.append(
                    Frame(name: name, key: "", relative: "", line: line, slot: 0, textStart: 0, siblingStart: 0))
            } else {
                let path = parentPath + "/" + Self.segment(name, index)
                outer.append(OuterFrame(name: name, path: path, line: line))
                outerNames.append(name)
            }
            return
        }
        let parent = frames.count - 1
        if !frames[parent].hasChildren {
            frames[parent].hasChildren = true
            // Indentation between children is not a value; mixed content keeps its text.
            dropWhitespaceText(of: parent)
        }
        let index = nextSiblingIndex(of: name, from: frames[parent].siblingStart)
        let segment = Self.segment(name, index)
        let parentKey = frames[parent].key
        let parentRelative = frames[parent].relative
        let key = parentKey.isEmpty ? segment : parentKey + "/" + segment
        let relative =
            parentRelative == parentKey ? key : parentRelative.isEmpty ? segment : parentRelative + "/" + segment
        frames.append(
            Frame(
                name: name, key: key, relative: relative, line: line, slot: fields.count, textStart: text.count,
                siblingStart: siblings.count))
    }

    /// Counts `name` among the children of the frame whose counts start at `start`; its 1-based index.
    private mutating func nextSiblingIndex(of name: String, from start: Int) -> Int {
        var index = start
        let length = name.utf8.count
        while index < siblings.count {
            // Lengths first: most names differ in length, and comparing Strings costs more.
            if siblings[index].name.utf8.count == length && siblings[index].name == name {
                siblings[index].count += 1
                return siblings[index].count
            }
            index += 1
        }
        siblings.append((name, 1))
        return 1
    }

    /// The path of an open frame, for messages.
    private func path(of frame: Frame) -> String {
        frame.relative.isEmpty ? recordBase.text : recordBase.text + "/" + frame.relative
    }

    /// An attribute of the element just started, as decoded UTF-8.
    mutating func attribute(_ name: String, value: UnsafeBufferPointer<UInt8>) {
        guard var frame = frames.last else {
            noteDefinition(attribute: name, value: value)
            return
        }
        if let ids = fieldIDs, frame.name == ids.field, name == ids.fieldID, frames.count > 1 {
            // `<Field id="16734">` is keyed by its definition's name: `Vendor`.
            let id = Self.decodeAttribute(value)
            let parentKey = frames[frames.count - 2].key
            let resolved = fieldNames[id] ?? "\(ids.field) \(id)"
            frame.key = parentKey.isEmpty ? resolved : parentKey + "/" + resolved
            frames[frames.count - 1] = frame
        }
        let key = frame.key + "@" + name
        let place =
            frame.relative.isEmpty
            ? FieldPlace.joined(base: recordBase, relative: key, suffix: "")
            : FieldPlace.joined(base: recordBase, relative: frame.relative, suffix: "/@" + name)
        if value.count > maxValueBytes {
            fail(.valueTooLong(path: place.text ?? "", line: frame.line, limit: maxValueBytes))
            return
        }
        fields.append(
            RawField(key: key, value: Self.decodeAttribute(value), column: 0, line: frame.line, place: place))
    }

    /// Reads `<FieldDefinition id="…" name="…"/>` outside records into the id → name map.
    private mutating func noteDefinition(attribute name: String, value: UnsafeBufferPointer<UInt8>) {
        guard let ids = fieldIDs, outer.last?.name == ids.definition else { return }
        if name == ids.definitionID { pendingDefinition.id = Self.decodeAttribute(value) }
        if name == ids.definitionName { pendingDefinition.name = Self.decodeAttribute(value) }
        if let id = pendingDefinition.id, let definitionName = pendingDefinition.name {
            fieldNames[id] = definitionName
            pendingDefinition = (nil, nil)
        }
    }

    /// Text (entity-decoded, CDATA included) of the innermost open element.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !frames.isEmpty else { return }
        let top = frames.count - 1
        text.append(contentsOf: bytes)
        if text.count - frames[top].textStart > maxValueBytes {
            if frames[top].hasChildren && dropWhitespaceText(of: top) { return }
            fail(.valueTooLong(path: path(of: frames[top]), line: frames[top].line, limit: maxValueBytes))
        }
    }

    /// The innermost open element ends.
    mutating func endElement() {
        guard let frame = frames.popLast() else {
            outer.removeLast()
            outerNames.removeLast()
            return
        }
        let start = frame.textStart
        let hasText = !Self.isWhitespace(text[start...])
        let isRecord = frames.isEmpty
        let value = hasText || (!isRecord && !frame.hasChildren) ? String(decoding: text[start...], as: UTF8.self) : nil
        // `removeLast(_:)`, not `removeSubrange(start...)`: the generic replaceSubrange path cost
        // 3 % of an XML run (perf, 1M records); and only when there is something to remove
        // (a leaf element has no children), since even an empty removal cost ~90 instructions.
        if text.count > start { text.removeLast(text.count - start) }
        if siblings.count > frame.siblingStart { siblings.removeLast(siblings.count - frame.siblingStart) }
        if isRecord {
            if let value {
                fields.insert(
                    RawField(
                        key: "text()", value: value, column: 0, line: frame.line,
                        place: .joined(base: recordBase, relative: "text()", suffix: "")),
                    at: 0)
            }
            for index in fields.indices { fields[index].column = index + 1 }
            completed.append(RawRecord(number: recordCount, line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
        } else if let value {
            // Made in the call: a RawField built first and then appended was copied and destroyed
            // once more (callgrind: 3 % of an XML run).
            if frame.slot == fields.count {
                fields.append(
                    RawField(
                        key: frame.key, value: value, column: 0, line: frame.line,
                        place: .joined(base: recordBase, relative: frame.relative, suffix: "")))
            } else {
                fields.insert(
                    RawField(
                        key: frame.key, value: value, column: 0, line: frame.line,
                        place: .joined(base: recordBase, relative: frame.relative, suffix: "")),
                    at: frame.slot)
            }
        }
    }

    /// The document has a DOCTYPE: refused before any declaration in it is read.
    mutating func doctype(line: Int) {
        fail(.doctype(line: line))
    }

    private mutating func fail(_ reason: XMLReadFailure) {
        if failure == nil { failure = reason }
    }

    /// Counts `name` among the children of the innermost outer frame and returns its 1-based index.
    private static func nextIndex(of name: String, in outer: inout [OuterFrame]) -> Int {
        guard !outer.isEmpty else { return 1 }
        let last = outer.count - 1
        let index = outer[last].childCounts[name, default: 0] + 1
        outer[last].childCounts[name] = index
        return index
    }

    /// `name`, or `name[n]` for the second and later same-named sibling.
    private static func segment(_ name: String, _ index: Int) -> String {
        index == 1 ? name : "\(name)[\(index)]"
    }

    /// Drops frame `index`'s text when it is only whitespace; whether it did.
    @discardableResult
    private mutating func dropWhitespaceText(of index: Int) -> Bool {
        let start = frames[index].textStart
        guard Self.isWhitespace(text[start...]) else { return false }
        text.removeLast(text.count - start)
        return true
    }

    private static func isWhitespace(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// libxml2 hands attribute values over with entities decoded except `&`, which it leaves as
    /// `&#38;` when entities are not substituted (we never ask it to): the only `&` left in a
    /// value starts that sequence.
    static func decodeAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escape = Array("&#38;".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + escape.count <= bytes.count,
                bytes[index..<(index + escape.count)].elementsEqual(escape)
            {
                output.append(UInt8(ascii: "&"))
                index += escape.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
