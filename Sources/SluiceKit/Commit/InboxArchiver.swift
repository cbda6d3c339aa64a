import Foundation

/// Moves the inbox files a published run has dealt with into a dated archive folder, so the
/// next run does not read them again. Runs only after the run is published: a run that fails
/// leaves the inbox as it was.
struct InboxArchiver {
    let archive: URL
    let inbox: URL

    /// Moves each file to `<archive>/<yyyy-MM-dd>/<path under the inbox>`; returns the new
    /// paths relative to the archive folder.
    func archive(_ files: [InboxFile], on day: CivilDate) throws(OutputError) -> [String] {
        let manager = FileManager.default
        let folder = archive.appendingPathComponent("\(day)")
        var moved: [String] = []
        for file in files {
            let relative = DisplayPath.of(file.url, relativeTo: inbox)
            var target = folder.appendingPathComponent(relative)
            var counter = 2
            while manager.fileExists(atPath: target.path) {
                let name = file.url.deletingPathExtension().lastPathComponent
                let suffix = file.url.pathExtension.isEmpty ? "" : "." + file.url.pathExtension
                target = target.deletingLastPathComponent().appendingPathComponent("\(name)-\(counter)\(suffix)")
                counter += 1
            }
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.moveItem(at: file.url, to: target)
            } catch {
                throw OutputError(
                    path: file.url.path, message: "cannot archive the file: \(error.localizedDescription)")
            }
            moved.append(DisplayPath.of(target, relativeTo: archive))
        }
        return moved
    }
}
