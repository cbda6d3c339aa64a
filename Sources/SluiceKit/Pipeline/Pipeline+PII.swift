import Foundation

extension Pipeline {
    /// The run's pseudonymiser when a field is `pii: pseudonymise`; a missing or short key
    /// stops the run before any data is touched (exit 2, like a broken rules file).
    static func pseudonymiser(_ rules: RuleSet, _ options: RunOptions) throws(SluiceError) -> Pseudonymiser? {
        do {
            return try Pseudonymiser.forRun(rules: rules, rulesFolder: options.rules, environment: options.environment)
        } catch {
            throw .rules(error)
        }
    }
}
