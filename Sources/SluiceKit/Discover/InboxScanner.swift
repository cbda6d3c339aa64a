import Foundation

/// Lists the files of an inbox (recursively, sorted by path), leaving out what is not a
/// vendor export: hidden files and folders, Office lock and temp files, OS litter.
public enum InboxScanner {
    /// Names that are never vendor exports.
    static let litter: Set<String> = ["thumbs.db", "desktop.ini"]

    /// Whether a file name is hidden, temporary, a lock file or OS litter.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name.hasSuffix("~") || litter.contains(name.lowercased())
    }

    /// The inbox's files; `displayBase` is the folder paths are shown relative to.
    public static func scan(_ inbox: URL, displayBase: URL?) throws(InboxError) -> [InboxFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: inbox.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InboxError(
                path: DisplayPath.of(inbox, relativeTo: displayBase), message: "inbox folder does not exist")
        }
        var files: [InboxFile] = []
        func visit(_ folder: URL) throws(InboxError) {
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw InboxError(path: DisplayPath.of(folder, relativeTo: displayBase), message: "cannot list folder")
            }
            for name in names.sorted() where !isIgnored(name) {
                let url = folder.appendingPathComponent(name)
                guard let attributes = try? manager.attributesOfItem(atPath: url.path) else { continue }
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory {
                    try visit(url)
                } else if type == .typeRegular {
                    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                    let modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
                    files.append(
                        InboxFile(
                            url: url, displayPath: DisplayPath.of(url, relativeTo: displayBase), name: name, size: size,
                            modified: modified))
                }
            }
        }
        try visit(inbox)
        return files.sorted { $0.displayPath < $1.displayPath }
    }
}

/// The inbox itself cannot be read: nothing can be processed.
public struct InboxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    /// `path: message`
    public var description: String { "\(path): \(message)" }
}
