#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides which feed owns an inbox file, by the feeds' file-name globs (case-insensitive).
public struct FeedRouter: Sendable {
    /// What routing decided.
    public enum Route: Sendable, Hashable {
        case feed(String)
        case unrouted
        case ambiguous([String])
    }

    private let feeds: [(name: String, globs: [String])]

    /// Creates a router over the feeds' globs.
    public init(feeds: [FeedSpec]) {
        self.feeds = feeds.map { ($0.name, $0.files.map { $0.lowercased() }) }
    }

    /// The first of a feed's `files` patterns that matches the file name (case-insensitive), as
    /// written in the rules; nil when none does.
    public static func matchingGlob(of feed: FeedSpec, fileName: String) -> String? {
        let name = fileName.lowercased()
        return feed.files.first { fnmatch($0.lowercased(), name, 0) == 0 }
    }

    /// The feed whose glob matches the file name; several matches are ambiguous.
    public func route(fileName: String) -> Route {
        let name = fileName.lowercased()
        let matches = feeds.filter { feed in feed.globs.contains { fnmatch($0, name, 0) == 0 } }.map(\.name)
        switch matches.count {
        case 0: return .unrouted
        case 1: return .feed(matches[0])
        default: return .ambiguous(matches)
        }
    }

    /// Every glob, for messages about unrouted files.
    public var globs: [String] { feeds.flatMap(\.globs) }
}
