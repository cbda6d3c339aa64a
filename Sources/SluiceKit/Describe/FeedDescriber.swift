import Foundation

/// `sluice describe FILE`: infers a draft feed from a sample file, to start onboarding a vendor.
///
/// The format comes from the file's first bytes (``FormatSniffer`` for workbooks, then the
/// first character: `<` XML, `[`/`{` JSON or NDJSON, anything else CSV); the layout from the
/// real readers (encoding and delimiter as the CSV reader decides them, title rows tried until
/// a header fills the row); each column's kind from the real value parsers (``KindGuesser``).
/// Only the first ``sampleLimit`` records are read.
public enum FeedDescriber {
    /// Records profiled at most.
    public static let sampleLimit = 10_000

    /// Describes a file; `vendor` and `feedName` override what is inferred.
    public static func describe(
        file: URL, displayBase: URL?, vendor: String?, feedName: String?, sampleLimit: Int = sampleLimit
    ) throws(SluiceError) -> FeedDraft {
        let display = DisplayPath.of(file, relativeTo: displayBase)
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw .input(path: display, message: "no such file, or it cannot be read")
        }
        let format = try StructureGuesser.format(of: file, displayPath: display)
        let sample: Sample
        do {
            sample = try SampleReader(url: file, displayPath: display, limit: sampleLimit).read(format)
        } catch {
            throw .input(path: display, message: error.message)
        }
        let numbers = NumberStyle.guess(sample.profiles.map(\.distinct))
        let guesser = KindGuesser(numbers: numbers)
        var names = Set<String>()
        let fields = sample.profiles.map { profile in
            let kind = guesser.guess(profile)
            let name = uniqueName(FieldNamer.name(profile.header), taken: &names)
            return FeedDraft.Field(
                name: name, header: profile.header, kind: kind,
                required: profile.blankCount == 0 && profile.valueCount > 0,
                likelyKPI: kind.isNumber && !FieldNamer.isIdentifierOrPeriod(profile.header),
                values: profile.valueCount,
                blanks: profile.blankCount, examples: profile.examples(), distinct: profile.distinct.count,
                distinctOverflow: profile.distinctOverflow,
                nearMiss: kind == .text
                    ? guesser.nearMiss(profile).map {
                        "most values read as \($0.kind), but not \($0.strays.map { "'\($0)'" }.joined(separator: ", "))"
                    } : nil)
        }
        let vendorSource: FeedDraft.Vendor
        if let vendor {
            vendorSource = .constant(vendor)
        } else if let column = fields.first(where: { FieldNamer.isVendorHeader($0.header) }) {
            vendorSource = .field(column.name)
        } else {
            vendorSource = .unknown
        }
        return FeedDraft(
            source: display, name: feedName ?? FieldNamer.feedName(fileName: file.lastPathComponent),
            vendor: vendorSource,
            files: FieldNamer.filesPattern(fileName: file.lastPathComponent), format: format, reading: sample.reading,
            numbers: numbers, fields: fields, records: sample.records, truncated: sample.truncated)
    }

    private static func uniqueName(_ base: String, taken: inout Set<String>) -> String {
        var name = base
        var counter = 2
        while taken.contains(name) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        taken.insert(name)
        return name
    }
}

/// What was read from the sample: how, and per column what was seen.
struct Sample {
    var reading: FeedDraft.Reading
    var profiles: [ColumnProfile]
    var records: Int
    var truncated: Bool
}
