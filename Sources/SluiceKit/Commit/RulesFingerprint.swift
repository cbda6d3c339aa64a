import Crypto
import Foundation

/// The SHA-256 of a rules folder as a run read it (every `*.yaml` / `*.yml` file's name and
/// bytes, in name order), kept with each run in the store: which rules produced which figures.
enum RulesFingerprint {
    /// Lower-case hex; files that cannot be read count as empty.
    static func sha256(of folder: URL) -> String {
        let names =
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var hasher = SHA256()
        for name in names {
            hasher.update(data: Data(name.utf8) + [0])
            let bytes = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
            hasher.update(data: Data("\(bytes.count)".utf8) + [0])
            hasher.update(data: bytes)
        }
        return FileDigest.hex(hasher.finalize())
    }
}
