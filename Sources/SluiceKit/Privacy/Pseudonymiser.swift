import Crypto
import Foundation

/// Replaces a personal-data value in cleaned data by a keyed hash: HMAC-SHA256 of the
/// normalised value under the run's key, as the first 16 hex digits (64 bits). The same value
/// gives the same pseudonym in every run with the same key, so records can still be joined
/// and counted per person; without the key the value cannot be recovered or guessed by
/// hashing candidate names.
struct Pseudonymiser {
    /// The environment variable holding the key when no `pii-key-file` is set.
    static let environmentVariable = "SLUICE_PII_KEY"
    /// Shortest key accepted, in bytes.
    static let minimumKeyBytes = 16

    private let key: SymmetricKey

    /// A pseudonymiser with the key's bytes.
    init(key: Data) {
        self.key = SymmetricKey(data: key)
    }

    /// The pseudonym of a value: 16 lower-case hex digits.
    func pseudonym(_ value: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)
        return FileDigest.hex(code.prefix(8))
    }

    /// The run's pseudonymiser, or nil when no field asks for pseudonyms. The key comes from
    /// `settings: pii-key-file:` (relative to the rules folder) or, when that is not set, the
    /// environment variable `SLUICE_PII_KEY`; it is never written anywhere. A missing, empty
    /// or short key is a rules error naming the field that needs it, before any data is read.
    static func forRun(rules: RuleSet, rulesFolder: URL, environment: [String: String]) throws(RulesErrors)
        -> Pseudonymiser?
    {
        let needing = rules.feeds.flatMap(\.fields).filter { $0.pii == .pseudonymise }
        guard let field = needing.first else { return nil }
        let key: Data
        let source: String
        if let path = rules.settings.piiKeyFile {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : rulesFolder.appendingPathComponent(path)
            let location = rules.settings.piiKeyFileDeclaredAt ?? field.declaredAt
            guard var data = try? Data(contentsOf: url) else {
                throw RulesErrors([RulesError(location: location, message: "cannot read the pii-key-file '\(path)'")])
            }
            // A key file written with `echo` ends with a line break that is not part of the key.
            while let last = data.last, last == 0x0A || last == 0x0D { data.removeLast() }
            key = data
            source = "the pii-key-file '\(path)'"
        } else if let text = environment[environmentVariable], !text.isEmpty {
            key = Data(text.utf8)
            source = "\(environmentVariable)"
        } else {
            throw RulesErrors([
                RulesError(
                    location: field.declaredAt,
                    message:
                        "field '\(field.name)' is 'pii: pseudonymise', which needs a key: set the environment variable "
                        + "\(environmentVariable) or 'settings: pii-key-file:' (at least \(minimumKeyBytes) bytes)")
            ])
        }
        guard key.count >= minimumKeyBytes else {
            throw RulesErrors([
                RulesError(
                    location: rules.settings.piiKeyFileDeclaredAt ?? field.declaredAt,
                    message: "the key in \(source) has \(key.count) bytes; pseudonyms need at least \(minimumKeyBytes)")
            ])
        }
        return Pseudonymiser(key: key)
    }
}
