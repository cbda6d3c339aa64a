/// Reads a relationships part (`xl/_rels/workbook.xml.rels`): which part each id points to.
final class XLSXRelationshipsPart: XLSXPartHandler {
    /// One relationship: its type URI and the target part's path inside the zip.
    struct Relationship: Sendable, Hashable {
        var type: String
        var target: String
    }

    /// Relationships by id, targets resolved against `base`.
    private(set) var relationships: [String: Relationship] = [:]
    private(set) var failure: String?
    /// The folder targets are relative to (`xl`).
    private let base: String

    /// Creates a handler whose relative targets resolve against the folder `base`.
    init(base: String) {
        self.base = base
    }

    func startElement(_ name: XLSXElementName, attributes: XLSXAttributes) {
        guard name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target")
        else { return }
        if attributes.string("TargetMode") == "External" { return }
        relationships[id] = Relationship(
            type: attributes.string("Type") ?? "", target: Self.resolve(target, base: base))
    }

    func endElement(_ name: XLSXElementName) {}

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// The zip path of `target`: `/xl/x.xml` is from the package root, `x.xml` from `base`;
    /// `.` and `..` segments are folded (a `..` above the root is dropped, so the path stays
    /// inside the package and names no entry the archive check let through).
    static func resolve(_ target: String, base: String) -> String {
        let joined = target.hasPrefix("/") ? target : base + "/" + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
