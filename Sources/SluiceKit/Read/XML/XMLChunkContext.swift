/// How an ``XMLRecordCollector`` reads one chunk of a file split for parallel reading: the
/// chunk is parsed after the file's prologue (everything before the first record), so its
/// records are children of the same parent element as the first record.
struct XMLChunkContext: Sendable, Hashable {
    /// How many elements are open where the first record starts: records are children of the
    /// innermost of them.
    var parentDepth: Int
    /// Records before this chunk: record numbers go on from here.
    var recordOffset = 0
    /// The records' parent's children by name between the first record and this chunk, so
    /// sibling indices go on from there (`record[5001]`).
    var parentChildCounts: [String: Int] = [:]
}

/// What a chunk's collector saw of the file's structure, to tell whether the chunk's start and
/// end were where records start.
struct XMLChunkState {
    let context: XMLChunkContext
    /// The line libxml2 gave the first record of this parse, before any shift.
    var firstRecordLine: Int?
    /// The record parent's children by name when the first record started.
    var countsAtFirstRecord: [XMLRecordCollector.NameID: Int]?
    /// End tags of the record parent or its ancestors.
    var ancestorsClosed = 0
    /// A record started somewhere other than directly in the first record's parent element.
    var irregular = false
}
