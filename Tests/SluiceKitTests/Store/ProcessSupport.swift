import Foundation

@testable import SluiceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Running the built `sluice` for the store's process-level tests: a deterministic multi-file
/// inbox, and running as an unprivileged user where the tests run as root
/// (root ignores file permissions, so a read-only outbox would not be read-only for it).
enum StoreProcess {
    /// A work folder with `StoreWorkFolder.rules`, two scorecards and `contactFiles` files of
    /// `perFile` contacts each (ids `c<file>-<n>`); returns the folder and every record's id.
    static func multiFileWork(contactFiles: Int = 4, perFile: Int = 400) throws -> (URL, [String]) {
        let work = try TestPaths.temporaryFolder()
        let inbox = work.appendingPathComponent("Inbox")
        let rules = work.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data(StoreWorkFolder.rules.utf8).write(to: rules.appendingPathComponent("rules.yaml"))
        var ids: [String] = []
        for (month, value) in [("09", "82.5"), ("10", "78")] {
            try Data("month,sl\n2026-\(month),\(value)\n".utf8).write(
                to: inbox.appendingPathComponent("scorecard_2026-\(month).csv"))
            ids.append("scorecard_2026-\(month).csv:2")
        }
        for file in 1...contactFiles {
            var text = "id,day,wait\n"
            for record in 1...perFile {
                let id = "c\(file)-\(record)"
                text += "\(id),2026-10-\(String(format: "%02d", (record % 28) + 1)),\((record * 7 + file) % 60)\n"
                ids.append(id)
            }
            try Data(text.utf8).write(to: inbox.appendingPathComponent("contacts_2026-10-\(file).csv"))
        }
        let received = Date(
            timeIntervalSince1970: TimeInterval(CivilDate(year: 2026, month: 11, day: 3).daysSinceEpoch * 86_400))
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path) {
            try FileManager.default.setAttributes(
                [.modificationDate: received], ofItemAtPath: inbox.appendingPathComponent(name).path)
        }
        return (work, ids)
    }

    /// Starts `sluice run --as-of 2026-11-20` in `folder`, output discarded.
    static func start(in folder: URL, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = ExecutableTests.executable
        process.arguments = ["run", "--as-of", "2026-11-20"] + extra
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every record id in the published run folders' clean datasets (scorecards as `file:line`).
    static func publishedRecords(in outbox: URL) throws -> [String] {
        let runs = outbox.appendingPathComponent("runs")
        var ids: [String] = []
        for run in (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [] {
            let clean = runs.appendingPathComponent(run).appendingPathComponent("clean")
            for line in try lines(clean.appendingPathComponent("contacts.csv")).dropFirst() {
                ids.append(String(line.split(separator: ",")[1]))
            }
            for line in try lines(clean.appendingPathComponent("scorecard.csv")).dropFirst() {
                let cells = line.split(separator: ",")
                ids.append("\(cells[3].split(separator: "/").last!):\(cells[4])")
            }
        }
        return ids.sorted()
    }

    static func lines(_ url: URL) throws -> [Substring] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    }

    /// Whether the tests run as root, where only another user meets file permissions.
    static var isRoot: Bool { getuid() == 0 }

    /// `setpriv`, to run as `nobody` when the tests run as root.
    static let setpriv = "/usr/bin/setpriv"

    /// Whether permission tests can run: not root, or root with `setpriv` to drop to `nobody`.
    static var permissionsEnforceable: Bool {
        !isRoot || FileManager.default.isExecutableFile(atPath: setpriv)
    }

    /// Runs `sluice` with `arguments` in `folder` as the current user, or as `nobody` (uid
    /// 65534) when root, after giving `folder` to that user.
    static func runUnprivileged(
        _ arguments: [String], in folder: URL, before: () -> Void = {}
    ) throws -> ExecutableTests.Result {
        guard isRoot else {
            before()
            return try ExecutableTests.run(arguments, in: folder)
        }
        try chown(folder, to: 65534)
        before()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        process.arguments =
            ["--reuid=65534", "--regid=65534", "--clear-groups", ExecutableTests.executable.path] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExecutableTests.Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Gives a tree to a user (`lchown`, so links are not followed).
    static func chown(_ url: URL, to user: uid_t) throws {
        lchown(url.path, user, gid_t(user))
        if let children = FileManager.default.enumerator(atPath: url.path) {
            for case let child as String in children {
                lchown(url.appendingPathComponent(child).path, user, gid_t(user))
            }
        }
    }
}

extension StoreProcess {
    /// Runs a system tool; returns its exit status.
    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether a small tmpfs can be mounted here (root with CAP_SYS_ADMIN), to fill a disk for real.
    static let canMountTmpfs: Bool = {
        guard isRoot, let folder = try? TestPaths.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard tool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) == 0 else { return false }
        tool("/bin/umount", [folder.path])
        return true
    }()
}
