import Yams

/// Reads typed values out of a composed YAML tree, collecting every problem with its place.
///
/// Rules files are read from Yams' node tree rather than decoded with `Codable`, because
/// only the nodes carry the line and column that every rules error must name.
final class YAMLReader {
    /// A mapping entry: the key's node (for unknown-key errors) and the value.
    struct Entry {
        let key: Node
        let value: Node
    }

    /// The rules file as the user names it.
    let file: String
    /// Problems found so far.
    private(set) var errors: [RulesError] = []

    init(file: String) {
        self.file = file
    }

    /// The node's place in the file.
    func location(of node: Node) -> RulesLocation {
        RulesLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Records a problem at a node.
    func fail(_ node: Node, _ message: String) {
        errors.append(RulesError(location: location(of: node), message: message))
    }

    /// Records a problem at a known place.
    func fail(at location: RulesLocation, _ message: String) {
        errors.append(RulesError(location: location, message: message))
    }

    /// The entries of a mapping by key; unknown keys are reported with a did-you-mean.
    func mapping(_ node: Node, _ what: String, allowed: [String]) -> [String: Entry]? {
        guard let mapping = node.mapping else {
            fail(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var entries: [String: Entry] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                fail(key, "keys in \(what) must be plain words")
                continue
            }
            guard allowed.contains(name) else {
                let known = allowed.joined(separator: ", ")
                fail(
                    key,
                    "unknown key '\(name)' in \(what)\(DidYouMean.clause(for: name, among: allowed)) (known: \(known))")
                continue
            }
            entries[name] = Entry(key: key, value: value)
        }
        return entries
    }

    /// Reports a missing key at the mapping's place.
    func requireKey(_ key: String, in entries: [String: Entry], of node: Node, _ what: String) -> Node? {
        if let entry = entries[key] { return entry.value }
        fail(node, "\(what) is missing the required key '\(key)'")
        return nil
    }

    /// A non-empty text scalar.
    func string(_ node: Node, _ what: String) -> String? {
        guard let text = node.scalar?.string else {
            fail(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        return text
    }

    /// A whole number at least `minimum`.
    func int(_ node: Node, _ what: String, minimum: Int = 0) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text), value >= minimum else {
            fail(node, "\(what) must be a whole number of at least \(minimum), not '\(text)'")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(node, "\(what) must be true or false, not '\(text)'")
            return nil
        }
    }

    /// One value or a list of values.
    func strings(_ node: Node, _ what: String) -> [String]? {
        if let text = node.scalar?.string { return [text] }
        guard let sequence = node.sequence else {
            fail(node, "\(what) must be a value or a list of values")
            return nil
        }
        var values: [String] = []
        for item in sequence {
            guard let text = string(item, "each item of \(what)") else { return nil }
            values.append(text)
        }
        return values
    }

    /// A value that must be one of a fixed set, with a did-you-mean.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let known = T.allCases.map(\.rawValue)
        let list = known.joined(separator: ", ")
        fail(node, "unknown \(what) '\(text)'\(DidYouMean.clause(for: text, among: known)) (known: \(list))")
        return nil
    }

    /// `error` or `warning`.
    func severity(_ node: Node) -> Severity? {
        choice(node, "severity", as: Severity.self)
    }

    /// A single character such as a delimiter; `\t` and `tab` mean a tab.
    func character(_ node: Node, _ what: String) -> Character? {
        guard let text = string(node, what) else { return nil }
        let value = text == "\\t" || text.lowercased() == "tab" ? "\t" : text
        guard value.count == 1, let character = value.first else {
            fail(node, "\(what) must be a single character, not '\(text)'")
            return nil
        }
        return character
    }
}
