import Foundation

/// Paths as the user names them: relative to a base folder when inside it, else absolute.
public enum DisplayPath {
    /// `url` relative to `base` (e.g. `Inbox/acme.csv`), or its full path when outside `base`.
    public static func of(_ url: URL, relativeTo base: URL?) -> String {
        let path = url.standardizedFileURL.path
        guard let base else { return path }
        let basePath = base.standardizedFileURL.path
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
