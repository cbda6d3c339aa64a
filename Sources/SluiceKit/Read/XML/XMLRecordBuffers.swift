/// The fields of the record being read, in memory the collector owns, moved (not copied) into
/// the one array the record keeps: with an `Array`, `removeAll(keepingCapacity:)` after
/// handing it to a record allocated a second buffer per record.
///
/// Not a class, so the collector reaches it without exclusivity checks; whoever owns the
/// collector calls ``free()`` once, and copies of it never do.
struct XMLFieldBuffer {
    private(set) var count = 0
    private var capacity = 0
    private var base: UnsafeMutablePointer<RawField>?

    /// Appends a field as the next column, its path `base/` + `tail`. The parts are taken, not
    /// borrowed: borrowed, each was retained for the field and released after it (callgrind:
    /// ~85 instructions per value).
    mutating func append(
        key: consuming String, value: consuming String, line: Int, base: consuming RecordPath,
        tail: consuming FieldPathTail
    ) {
        insert(key: consume key, value: consume value, line: line, base: consume base, tail: consume tail, at: count)
    }

    /// Puts a field at `index`, moving later fields on by one; their columns are numbered again
    /// by ``take(renumber:)``.
    mutating func insert(
        key: consuming String, value: consuming String, line: Int, base: consuming RecordPath,
        tail: consuming FieldPathTail, at index: Int
    ) {
        let slot = reserveSlot(at: index)
        slot.initialize(
            to: RawField(key: key, value: value, column: index + 1, line: line, place: .joined(base: base, tail: tail)))
        count += 1
    }

    /// Room for one more field at `index` (at most `count`), later fields moved on by one.
    private mutating func reserveSlot(at index: Int) -> UnsafeMutablePointer<RawField> {
        if count == capacity { grow() }
        let start = base.unsafelyUnwrapped
        if index < count {
            // Overlapping moves are allowed: the fields are moved up, not copied.
            (start + index + 1).moveInitialize(from: start + index, count: count - index)
        }
        return start + index
    }

    private mutating func grow() {
        capacity = max(16, capacity * 2)
        base = movedToLarger(base, count: count, capacity: capacity)
    }

    /// The fields as an array, columns numbered 1… in order when `renumber` is set; the
    /// buffer is left empty. (Moving them one by one into a reserved array instead cost four
    /// times as much: each was copied and destroyed.)
    mutating func take(renumber: Bool) -> [RawField] {
        guard count > 0, let base else { return [] }
        let taken = count
        count = 0
        return [RawField](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress.unsafelyUnwrapped.moveInitialize(from: base, count: taken)
            if renumber {
                for index in 0..<taken { buffer[index].column = index + 1 }
            }
            initialized = taken
        }
    }

    /// Drops the fields held.
    mutating func removeAll() {
        base?.deinitialize(count: count)
        count = 0
    }

    /// Frees the memory; the buffer is empty and usable again afterwards.
    mutating func free() {
        removeAll()
        base?.deallocate()
        base = nil
        capacity = 0
    }
}

/// The text of the open elements of a record, as one stack of bytes in memory the collector
/// owns: each element's text runs from where it started to the end, and is cut off when the
/// element ends. On a `[UInt8]`, `removeLast(_:)` cost ~100 instructions a call and
/// `append(contentsOf:)` ~30 more than these (callgrind, 20k records × 12 elements).
struct XMLTextBuffer {
    private(set) var count = 0
    private var capacity = 0
    private var base: UnsafeMutablePointer<UInt8>?

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base.unsafelyUnwrapped + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, capacity * 2, 256)
        base = movedToLarger(base, count: count, capacity: capacity)
    }

    /// Drops the bytes from `start` on.
    mutating func truncate(to start: Int) {
        if start < count { count = start }
    }

    /// The bytes from `start` on.
    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, start < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + start, count: count - start)
    }

    /// Whether the bytes from `start` on are only XML whitespace (space, tab, CR, LF).
    func isWhitespace(from start: Int) -> Bool {
        guard let base else { return true }
        var index = start
        while index < count {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return false }
            index += 1
        }
        return true
    }

    /// Frees the memory; the buffer is empty and usable again afterwards.
    mutating func free() {
        base?.deallocate()
        base = nil
        count = 0
        capacity = 0
    }
}

/// A new allocation of `capacity` elements holding the first `count` moved from `base`, which
/// is freed: how both buffers grow.
private func movedToLarger<Element>(
    _ base: UnsafeMutablePointer<Element>?, count: Int, capacity: Int
) -> UnsafeMutablePointer<Element> {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    if let base {
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
    }
    return larger
}
