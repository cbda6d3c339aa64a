/// Which elements are records: the feed's `recordPath` compiled once.
///
/// `/unload/u_vendor_kpi` matches that element path from the root exactly; `//record` (or
/// `//batch/record`) matches those trailing names at any depth. Names are compared as local
/// names: a prefix in the path or in the file (`ns:u_kpi`) is ignored, as are namespace URIs.
struct XMLRecordPath: Sendable, Hashable {
    /// The path as the feed wrote it, for messages.
    let text: String
    /// Local names from the outermost to the record element.
    let names: [String]
    /// Whether the names may start at any depth (`//`).
    let anyDepth: Bool

    /// Parses a record path; `nil` when it is not `/a/b` or `//a/b` with plain names.
    init?(_ text: String) {
        self.text = text
        let body: Substring
        if text.hasPrefix("//") {
            anyDepth = true
            body = text.dropFirst(2)
        } else if text.hasPrefix("/") {
            anyDepth = false
            body = text.dropFirst()
        } else {
            return nil
        }
        let segments = body.split(separator: "/", omittingEmptySubsequences: false)
        var names: [String] = []
        for segment in segments {
            let local = segment.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
            if local.isEmpty || local.contains(where: { "[]@*() \t\r\n=\"'".contains($0) }) { return nil }
            names.append(String(local))
        }
        self.names = names
    }

    /// Whether an element whose ancestors are `ancestors` (outermost first) and whose local
    /// name is `name` is a record element.
    func matches(ancestors: [String], name: String) -> Bool {
        guard name == names[names.count - 1] else { return false }
        let depth = ancestors.count + 1
        if anyDepth {
            guard depth >= names.count else { return false }
        } else {
            guard depth == names.count else { return false }
        }
        let offset = ancestors.count - (names.count - 1)
        for index in 0..<(names.count - 1) where ancestors[offset + index] != names[index] {
            return false
        }
        return true
    }
}
