import Foundation

/// RFC 6901 JSON pointers: how a JSON value's place is written in findings.
enum JSONPointer {
    /// One reference token: `~` becomes `~0` and `/` becomes `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer to the value reached by `tokens` from the root: `/data/items`; empty for the root.
    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }
}
