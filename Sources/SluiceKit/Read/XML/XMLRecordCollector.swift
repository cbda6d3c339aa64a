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
/// key itself) and joined only when a finding needs one. Names are numbered by libxml2's
/// pointer, keys live in a tree made once per file (records repeat their keys), and frames and
/// sibling counts are plain numbers, so an element inside a record costs no String work but
/// its value's String (no allocation when it is short).
struct XMLRecordCollector {
    /// One open element above or at the record level.
    private struct OuterFrame {
        var name: NameID
        var path: String
        var line: Int
        /// Children seen so far by name, except `lastChild`'s, counted in `lastCount`: records
        /// are runs of one name, so the dictionary is used only when the name changes.
        var childCounts: [NameID: Int] = [:]
        var lastChild: NameID = -1
        var lastCount = 0

        /// Adds `count` children named `name` seen elsewhere (earlier chunks of the file).
        mutating func add(_ count: Int, of name: NameID) {
            if name == lastChild { lastCount += count } else { childCounts[name, default: 0] += count }
        }

        /// The children seen so far by name.
        var counts: [NameID: Int] {
            var all = childCounts
            if lastChild >= 0 { all[lastChild] = lastCount }
            return all
        }

        /// Counts a child named `name`; its 1-based index among same-named siblings.
        mutating func nextIndex(of name: NameID) -> Int {
            if name != lastChild {
                if lastChild >= 0 { childCounts[lastChild] = lastCount }
                lastChild = name
                lastCount = childCounts[name] ?? 0
            }
            lastCount += 1
            return lastCount
        }
    }

    /// One open element inside a record (the record element itself is the first). Only
    /// numbers: pushing and popping a frame retains nothing (frames of three Strings cost a
    /// retain and a release each per element).
    private struct Frame {
        /// The element's key and relative path: an index into `keys`.
        var key: KeyID
        var name: NameID
        var line: Int
        /// Where this element's own value goes in `fields`: before its attributes and children.
        var slot: Int
        /// Where this element's text starts in `text`.
        var textStart: Int
        /// Where the counts of this element's children by name start in `siblings`.
        var siblingStart: Int
        var hasChildren = false
    }

    /// A name libxml2 interned, numbered in the order first seen.
    typealias NameID = Int32
    /// A key in `keys`.
    private typealias KeyID = Int32

    /// One key relative to the record (`u_vendor`, `metrics/sl`, `item[2]`) with its path.
    ///
    /// Keys form a tree: a key's children are found by element name, and the n-th same-named
    /// sibling's key through `next` from the (n-1)-th. Inside a record the same keys come back
    /// every record, so each key's Strings (and its attributes') are made once per file rather
    /// than joined per element (`parentKey + "/" + segment` and the sibling counts by String
    /// were most of the start-element callback).
    private struct Key {
        /// `""` for the record element, `u_vendor`, `metrics/sl`.
        let key: String
        /// The path relative to the record: the same String as `key` except under Archer-style
        /// field ids.
        let relative: String
        /// `relative` as the tail of its values' paths, shared by every record.
        let tail: FieldPathTail
        /// The key of the next same-named sibling, once made.
        var next: KeyID = -1
        /// The first child of each name, once made.
        var children: [(name: NameID, key: KeyID)] = []
        /// Attributes on this element: key, and the tail of the values' paths.
        var attributes: [(name: NameID, key: String, tail: FieldPathTail)] = []
        /// Archer-style field ids resolved on this element: the resolved key's own `Key`.
        var resolved: [(key: String, id: KeyID)] = []

        init(key: String, relative: String) {
            self.key = key
            self.relative = relative
            tail = FieldPathTail(relative: relative)
        }
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
    private var outerNames: [String] = []
    /// libxml2 interns names in its dictionary, so one pointer is one name: a name's String is
    /// made once per distinct pointer. Pointers are numbered through a small direct-mapped
    /// cache (a hash of the pointer's bits, no String hashing), then `nameIDs`; two pointers
    /// with the same text get the same number, so nothing depends on libxml2 interning.
    private var names: [String] = []
    private var nameIDs: [UnsafePointer<UInt8>: NameID] = [:]
    private var idsOfNames: [String: NameID] = [:]
    private var nameCache: [(pointer: UnsafePointer<UInt8>?, id: NameID)] = Array(
        repeating: (nil, 0), count: nameCacheSize)
    private static let nameCacheBits = 6
    private static let nameCacheSize = 1 << nameCacheBits
    /// Keys of the current file, the record element's (`""`) first.
    private var keys: [Key] = [Self.recordKey]
    private static let recordKey = Key(key: "", relative: "")
    /// The tail of the path of a record element's own text.
    private static let textTail = FieldPathTail(relative: "text()")
    /// A file whose records never repeat their keys would grow `keys` without end: past this
    /// many, the tree is started again at the next record.
    private let keyLimit: Int
    /// The open elements of the current record, the record element first.
    private var frames: [Frame] = []
    private var fields = XMLFieldBuffer()
    /// Whether a value went before fields already in `fields` (mixed content), so columns
    /// must be numbered again when the record ends.
    private var insertedField = false
    /// The current record's path: `/unload/u_vendor_kpi[3]`.
    private var recordBase = RecordPath.root
    /// Per open record element, its children's names with how many of each were seen so far
    /// and the last one's key, as a stack: each frame's run starts at its `siblingStart`.
    /// Entries past `siblingCount` are stale, overwritten rather than removed.
    private var siblings: [(name: NameID, count: Int, key: KeyID)] = []
    private var siblingCount = 0
    /// Text of the open record elements as a stack: each frame's text runs from its
    /// `textStart` to the end, because a child's text is dropped when the child ends. One
    /// reused buffer instead of an allocation per element.
    private var text = XMLTextBuffer()
    private var recordLine = 0
    private var completed: [RawRecord] = []
    private var completedHead = 0

    /// Set when the collector reads one chunk of a file split for parallel reading.
    private var chunk: XMLChunkState?

    /// Added to the records' sibling indices once known (a chunk of a file read in parallel).
    private let indexOffset: RecordIndexOffset?
    /// Archer-style field ids, when the feed declares them, and the names read so far.
    let fieldIDs: XMLFieldIDs?
    private var fieldNames: [String: String] = [:]
    /// The id and name attributes of the definition element being read.
    private var pendingDefinition: (id: String?, name: String?) = (nil, nil)

    /// Creates a collector; `keyLimit` is the number of keys kept before the key tree is
    /// started again (tests lower it).
    init(
        recordPath: XMLRecordPath, maxValueBytes: Int, fieldIDs: XMLFieldIDs? = nil, keyLimit: Int = 1 << 14,
        chunk: XMLChunkContext? = nil, indexOffset: RecordIndexOffset? = nil
    ) {
        self.indexOffset = indexOffset
        self.recordPath = recordPath
        self.maxValueBytes = maxValueBytes
        self.fieldIDs = fieldIDs
        self.keyLimit = keyLimit
        self.chunk = chunk.map { XMLChunkState(context: $0) }
        recordCount = chunk?.recordOffset ?? 0
    }

    /// The number of a name libxml2 interned.
    mutating func nameID(_ pointer: UnsafePointer<UInt8>) -> NameID {
        let bits = UInt(bitPattern: pointer)
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - Self.nameCacheBits))
        if nameCache[slot].pointer == pointer { return nameCache[slot].id }
        let id = nameIDs[pointer] ?? newNameID(pointer)
        nameCache[slot] = (pointer, id)
        return id
    }

    private mutating func newNameID(_ pointer: UnsafePointer<UInt8>) -> NameID {
        let id = nameID(text: String(cString: pointer))
        nameIDs[pointer] = id
        return id
    }

    /// The number of a name given as text.
    private mutating func nameID(text: String) -> NameID {
        if let known = idsOfNames[text] { return known }
        let id = NameID(names.count)
        names.append(text)
        idsOfNames[text] = id
        return id
    }

    /// The String of a numbered name.
    func name(_ id: NameID) -> String {
        names[Int(id)]
    }

    /// The innermost open element's local name and start line.
    var innermostElement: (name: String, line: Int)? {
        if let frame = frames.last { return (name(frame.name), frame.line) }
        return outer.last.map { (name($0.name), $0.line) }
    }

    /// Whether the element just started is inside a record (or is a field definition), so its
    /// attributes are wanted.
    var isCapturing: Bool {
        if !frames.isEmpty { return true }
        // Outside records only Archer-style field definitions are of interest.
        guard let ids = fieldIDs, let last = outer.last else { return false }
        return name(last.name) == ids.definition
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
    mutating func startElement(_ name: NameID, line: Int) {
        if frames.isEmpty {
            startOuterElement(name, line: line)
            return
        }
        let parent = frames.count - 1
        if !frames[parent].hasChildren {
            frames[parent].hasChildren = true
            // Indentation between children is not a value; mixed content keeps its text.
            dropWhitespaceText(of: parent)
        }
        let key = childKey(named: name, of: frames[parent].key, siblingsFrom: frames[parent].siblingStart)
        frames.append(
            Frame(
                key: key, name: name, line: line, slot: fields.count, textStart: text.count,
                siblingStart: siblingCount))
    }

    /// An element starts outside any record: a record, or an element above records.
    private mutating func startOuterElement(_ id: NameID, line: Int) {
        let name = name(id)
        if rootName == nil { rootName = name }
        pendingDefinition = (nil, nil)
        let isRecord = recordPath.matches(ancestors: outerNames, name: name)
        if isRecord && chunk != nil { startChunkRecord(line: line) }
        let index = outer.isEmpty ? 1 : outer[outer.count - 1].nextIndex(of: id)
        let parentPath = outer.last?.path ?? ""
        if isRecord {
            recordCount += 1
            recordLine = line
            fields.removeAll()
            insertedField = false
            siblingCount = 0
            if keys.count > keyLimit { keys = [Self.recordKey] }
            recordBase = RecordPath(.element(parent: parentPath, name: name, index: index), offset: indexOffset)
            frames.append(Frame(key: 0, name: id, line: line, slot: 0, textStart: 0, siblingStart: 0))
        } else {
            let path = parentPath + "/" + Self.segment(name, index)
            outer.append(OuterFrame(name: id, path: path, line: line))
            outerNames.append(name)
        }
    }

    /// Counts `name` among the children of the frame whose counts start at `start` and whose
    /// key is `parent`; the child's key.
    private mutating func childKey(named name: NameID, of parent: KeyID, siblingsFrom start: Int) -> KeyID {
        var index = start
        while index < siblingCount {
            if siblings[index].name == name {
                siblings[index].count += 1
                let previous = Int(siblings[index].key)
                var next = keys[previous].next
                if next < 0 {
                    next = makeKey(name, index: siblings[index].count, parent: parent)
                    keys[previous].next = next
                }
                siblings[index].key = next
                return next
            }
            index += 1
        }
        var key: KeyID = -1
        for child in keys[Int(parent)].children where child.name == name {
            key = child.key
            break
        }
        if key < 0 {
            key = makeKey(name, index: 1, parent: parent)
            keys[Int(parent)].children.append((name, key))
        }
        if siblingCount < siblings.count {
            siblings[siblingCount] = (name, 1, key)
        } else {
            siblings.append((name, 1, key))
        }
        siblingCount += 1
        return key
    }

    /// Makes the key of the `index`-th child named `name` of key `parent`.
    private mutating func makeKey(_ name: NameID, index: Int, parent: KeyID) -> KeyID {
        let segment = Self.segment(self.name(name), index)
        let parentKey = keys[Int(parent)].key
        let parentRelative = keys[Int(parent)].relative
        let key = parentKey.isEmpty ? segment : parentKey + "/" + segment
        let relative =
            parentRelative == parentKey ? key : parentRelative.isEmpty ? segment : parentRelative + "/" + segment
        keys.append(Key(key: key, relative: relative))
        return KeyID(keys.count - 1)
    }

    /// The path of an open frame, for messages.
    private func path(of frame: Frame) -> String {
        let relative = keys[Int(frame.key)].relative
        return relative.isEmpty ? recordBase.text : recordBase.text + "/" + relative
    }

    /// An attribute of the element just started, as decoded UTF-8.
    mutating func attribute(_ name: NameID, value: UnsafeBufferPointer<UInt8>) {
        guard let frame = frames.last else {
            noteDefinition(attribute: self.name(name), value: value)
            return
        }
        var key = Int(frame.key)
        if let ids = fieldIDs, frames.count > 1, self.name(frame.name) == ids.field, self.name(name) == ids.fieldID {
            // `<Field id="16734">` is keyed by its definition's name: `Vendor`.
            key = Int(resolvedKey(of: frame.key, id: Self.decodeAttribute(value), ids: ids))
            frames[frames.count - 1].key = KeyID(key)
        }
        var attribute = -1
        for (index, known) in keys[key].attributes.enumerated() where known.name == name {
            attribute = index
            break
        }
        if attribute < 0 {
            let attributeName = self.name(name)
            let relative = keys[key].relative
            let attributeKey = keys[key].key + "@" + attributeName
            let tail =
                relative.isEmpty
                ? FieldPathTail(relative: attributeKey)
                : FieldPathTail(relative: relative, suffix: "/@" + attributeName)
            keys[key].attributes.append((name, attributeKey, tail))
            attribute = keys[key].attributes.count - 1
        }
        let known = keys[key].attributes[attribute]
        if value.count > maxValueBytes {
            let place = FieldPlace.joined(base: recordBase, tail: known.tail)
            fail(.valueTooLong(path: place.text ?? "", line: frame.line, limit: maxValueBytes))
            return
        }
        fields.append(
            key: known.key, value: Self.decodeAttribute(value), line: frame.line, base: recordBase, tail: known.tail)
    }

    /// The key of a field element whose id resolved to a definition's name (or `Field 99999`).
    private mutating func resolvedKey(of element: KeyID, id: String, ids: XMLFieldIDs) -> KeyID {
        let resolved = fieldNames[id] ?? "\(ids.field) \(id)"
        let parent = frames[frames.count - 2].key
        let parentKey = keys[Int(parent)].key
        let key = parentKey.isEmpty ? resolved : parentKey + "/" + resolved
        for known in keys[Int(element)].resolved where known.key == key { return known.id }
        keys.append(Key(key: key, relative: keys[Int(element)].relative))
        let made = KeyID(keys.count - 1)
        keys[Int(element)].resolved.append((key, made))
        return made
    }

    /// Reads `<FieldDefinition id="…" name="…"/>` outside records into the id → name map.
    private mutating func noteDefinition(attribute name: String, value: UnsafeBufferPointer<UInt8>) {
        guard let ids = fieldIDs, let last = outer.last, self.name(last.name) == ids.definition else { return }
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
        text.append(bytes)
        if text.count - frames[top].textStart > maxValueBytes {
            if frames[top].hasChildren && dropWhitespaceText(of: top) { return }
            fail(.valueTooLong(path: path(of: frames[top]), line: frames[top].line, limit: maxValueBytes))
        }
    }

    /// The innermost open element ends.
    mutating func endElement() {
        guard let frame = frames.popLast() else {
            if chunk != nil && outer.count <= chunk.unsafelyUnwrapped.context.parentDepth {
                chunk!.ancestorsClosed += 1
            }
            outer.removeLast()
            outerNames.removeLast()
            return
        }
        let start = frame.textStart
        let hasText = !text.isWhitespace(from: start)
        let isRecord = frames.isEmpty
        let value =
            hasText || (!isRecord && !frame.hasChildren)
            ? String(decoding: text.bytes(from: start), as: UTF8.self) : nil
        text.truncate(to: start)
        siblingCount = frame.siblingStart
        if isRecord {
            if let value {
                fields.insert(
                    key: "text()", value: value, line: frame.line, base: recordBase, tail: Self.textTail, at: 0)
            }
            let recordFields = fields.take(renumber: value != nil || insertedField)
            completed.append(RawRecord(number: recordCount, line: recordLine, fields: recordFields))
        } else if let value {
            let key = Int(frame.key)
            if frame.slot == fields.count {
                fields.append(
                    key: keys[key].key, value: value, line: frame.line, base: recordBase, tail: keys[key].tail)
            } else {
                insertedField = true
                fields.insert(
                    key: keys[key].key, value: value, line: frame.line, base: recordBase, tail: keys[key].tail,
                    at: frame.slot)
            }
        }
    }

    /// A record starts while reading a chunk: checks it is a child of the records' one parent,
    /// and at the first record applies the offsets of the chunks before.
    private mutating func startChunkRecord(line: Int) {
        let context = chunk.unsafelyUnwrapped.context
        let depth = context.parentDepth
        if outer.count != depth || chunk.unsafelyUnwrapped.ancestorsClosed > 0 {
            chunk!.irregular = true
            return
        }
        guard chunk.unsafelyUnwrapped.firstRecordLine == nil else { return }
        chunk!.firstRecordLine = line
        for (name, count) in context.parentChildCounts {
            outer[depth - 1].add(count, of: nameID(text: name))
        }
        chunk!.countsAtFirstRecord = outer[depth - 1].counts
    }

    /// What this parse of a chunk found about the file's structure; `nil` when not a chunk.
    var chunkState: XMLChunkState? { chunk }

    /// The record parent's children by name since the first record of this parse, while the
    /// parent is open.
    var parentChildCountsSinceFirstRecord: [String: Int] {
        guard let chunk, let before = chunk.countsAtFirstRecord, outer.count >= chunk.context.parentDepth else {
            return [:]
        }
        var counts: [String: Int] = [:]
        for (id, count) in outer[chunk.context.parentDepth - 1].counts where count > before[id] ?? 0 {
            counts[name(id)] = count - (before[id] ?? 0)
        }
        return counts
    }

    /// The document has a DOCTYPE: refused before any declaration in it is read.
    mutating func doctype(line: Int) {
        fail(.doctype(line: line))
    }

    private mutating func fail(_ reason: XMLReadFailure) {
        if failure == nil { failure = reason }
    }

    /// `name`, or `name[n]` for the second and later same-named sibling.
    private static func segment(_ name: String, _ index: Int) -> String {
        index == 1 ? name : "\(name)[\(index)]"
    }

    /// Drops frame `index`'s text when it is only whitespace; whether it did.
    @discardableResult
    private mutating func dropWhitespaceText(of index: Int) -> Bool {
        let start = frames[index].textStart
        guard text.isWhitespace(from: start) else { return false }
        text.truncate(to: start)
        return true
    }

    /// Frees the field and text buffers; called once, by the owner of the collector.
    mutating func freeBuffers() {
        fields.free()
        text.free()
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
