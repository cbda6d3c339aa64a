/// Writes a CSV value's ``RawField`` straight into a record's uninitialized array memory,
/// member by member.
///
/// Making a `RawField` with its initializer and moving it into the array compiled to a copy of
/// the whole value plus a destroy of the temporary: Swift 6.3 does not cancel the retain and
/// release of a struct holding a multi-payload enum (`FieldPlace`). That was 180 of the
/// 530 instructions `makeRecord` spent per value (callgrind, 20k CSV rows); writing the members
/// at their `MemoryLayout.offset(of:)` offsets costs none of it.
///
/// The offsets are used only when the five members tile `RawField` exactly, with no gap and
/// nothing after them, so a member added to `RawField` (or laid out differently) can never be
/// left uninitialized: then ``fast`` is nil and the initializer is used.
struct CSVFieldLayout {
    let key: Int
    let value: Int
    let column: Int
    let line: Int
    let place: Int

    /// The offsets, or nil when the members do not tile `RawField` exactly.
    static let fast: CSVFieldLayout? = {
        let offsets = [
            (MemoryLayout<RawField>.offset(of: \RawField.key as KeyPath<RawField, String>), MemoryLayout<String>.size),
            (
                MemoryLayout<RawField>.offset(of: \RawField.value as KeyPath<RawField, String?>),
                MemoryLayout<String?>.size
            ),
            (MemoryLayout<RawField>.offset(of: \RawField.column as KeyPath<RawField, Int>), MemoryLayout<Int>.size),
            (MemoryLayout<RawField>.offset(of: \RawField.line as KeyPath<RawField, Int>), MemoryLayout<Int>.size),
            (
                MemoryLayout<RawField>.offset(of: \RawField.place as KeyPath<RawField, FieldPlace>),
                MemoryLayout<FieldPlace>.size
            ),
        ]
        var end = 0
        for (offset, size) in offsets.sorted(by: { ($0.0 ?? -1) < ($1.0 ?? -1) }) {
            guard offset == end else { return nil }
            end += size
        }
        guard end == MemoryLayout<RawField>.size, let key = offsets[0].0, let value = offsets[1].0,
            let column = offsets[2].0, let line = offsets[3].0, let place = offsets[4].0
        else { return nil }
        return CSVFieldLayout(key: key, value: value, column: column, line: line, place: place)
    }()

    /// Initializes the field at `pointer`, which must be uninitialized memory for one `RawField`.
    @inline(__always)
    static func initialize(
        _ pointer: UnsafeMutablePointer<RawField>, layout: CSVFieldLayout?, key: String, value: String?, column: Int,
        line: Int
    ) {
        guard let layout else {
            pointer.initialize(to: RawField(key: key, value: value, column: column, line: line, place: .none))
            return
        }
        let raw = UnsafeMutableRawPointer(pointer)
        (raw + layout.key).initializeMemory(as: String.self, to: key)
        (raw + layout.value).initializeMemory(as: String?.self, to: value)
        (raw + layout.column).initializeMemory(as: Int.self, to: column)
        (raw + layout.line).initializeMemory(as: Int.self, to: line)
        (raw + layout.place).initializeMemory(as: FieldPlace.self, to: .none)
    }
}
