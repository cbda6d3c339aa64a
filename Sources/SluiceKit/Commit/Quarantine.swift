import Foundation

/// Copies a file the run could not use into the run's `quarantine/` folder, with its reason
/// beside it in `<name>.reason.txt`. The inbox original is never touched.
struct Quarantine {
    let folder: URL

    /// Copies the file; returns the copy's path relative to the run folder.
    func add(_ file: InboxFile, reason: String) throws(OutputError) -> String {
        let manager = FileManager.default
        var name = file.name
        var counter = 2
        while manager.fileExists(atPath: folder.appendingPathComponent(name).path) {
            name = "\(counter)-\(file.name)"
            counter += 1
        }
        let copy = folder.appendingPathComponent(name)
        do {
            try manager.copyItem(at: file.url, to: copy)
            let text = "file: \(file.displayPath)\nreason: \(reason)\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".reason.txt"))
        } catch {
            // The inbox file went away (or lost its read permission) while the run was working:
            // name it, and publish nothing — the next run sees the inbox as it then is.
            guard manager.isReadableFile(atPath: file.url.path) else {
                throw OutputError(
                    path: file.displayPath,
                    message:
                        "the inbox file cannot be read any more (deleted or made unreadable during the run); nothing was published"
                )
            }
            throw OutputError(path: copy.path, message: "cannot quarantine file: \(error.localizedDescription)")
        }
        return "quarantine/" + name
    }
}
