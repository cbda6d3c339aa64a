/// Bounds on what an XLSX workbook may make the reader inflate and hold: a zip bomb or a
/// hostile sheet is refused with a ``ReadError`` instead of exhausting memory or disk.
///
/// Declared sizes are checked before anything is inflated, and the same bounds are enforced
/// on the bytes actually inflated, because a zip's declared sizes can lie.
public struct XLSXLimits: Sendable, Hashable {
    /// Largest total of uncompressed bytes over the whole archive (declared and inflated).
    public var maxTotalBytes: Int64
    /// Largest uncompressed-to-compressed ratio of one entry, once it is over `ratioThresholdBytes`.
    public var maxCompressionRatio: Int64
    /// Entries up to this many uncompressed bytes are not ratio-checked: tiny XML parts compress very well.
    public var ratioThresholdBytes: Int64
    /// Largest text of one cell or shared string, in UTF-8 bytes (Excel itself stops at 32,767 characters).
    public var maxValueBytes: Int

    /// 2 GiB in total, 100:1 for entries over 1 MiB, 1 MiB per value.
    public init(
        maxTotalBytes: Int64 = 2 << 30, maxCompressionRatio: Int64 = 100, ratioThresholdBytes: Int64 = 1 << 20,
        maxValueBytes: Int = 1 << 20
    ) {
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThresholdBytes = ratioThresholdBytes
        self.maxValueBytes = maxValueBytes
    }
}
