import Foundation
import Yams

/// Loads every `*.yaml` / `*.yml` file of a rules folder into one checked `RuleSet`.
public enum RulesLoader {
    /// Loads and checks a rules folder. `displayBase` is the folder paths are shown relative to.
    ///
    /// Throws `RulesErrors` listing every problem (each with file, line and column) when any
    /// file is broken: a broken rules file means nothing is processed.
    public static func load(directory: URL, displayBase: URL? = nil) throws(RulesErrors) -> RuleSet {
        let displayFolder = DisplayPath.of(directory, relativeTo: displayBase)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .filter { !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw RulesErrors([
                RulesError(
                    location: RulesLocation(file: displayFolder, line: 1, column: 1),
                    message: "cannot read the rules folder: \(error.localizedDescription)")
            ])
        }
        guard !names.isEmpty else {
            throw RulesErrors([
                RulesError(
                    location: RulesLocation(file: displayFolder, line: 1, column: 1),
                    message: "no rules files (*.yaml) in the rules folder")
            ])
        }
        var sources: [(file: String, text: String)] = []
        var errors: [RulesError] = []
        for name in names {
            let file = displayFolder + "/" + name
            do {
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                guard let text = String(data: data, encoding: .utf8) else {
                    errors.append(
                        RulesError(
                            location: RulesLocation(file: file, line: 1, column: 1),
                            message: "rules file is not valid UTF-8"))
                    continue
                }
                sources.append((file, text))
            } catch {
                errors.append(
                    RulesError(
                        location: RulesLocation(file: file, line: 1, column: 1),
                        message: "cannot read rules file: \(error.localizedDescription)"))
            }
        }
        return try parse(sources: sources, priorErrors: errors)
    }

    /// Parses rules given as text, one entry per file (tests and `rules check` use this too).
    public static func parse(sources: [(file: String, text: String)], priorErrors: [RulesError] = [])
        throws(RulesErrors)
        -> RuleSet
    {
        var errors = priorErrors
        var feeds: [FeedSpec] = []
        var kpis: [KPISpec] = []
        var contracts: [ContractSpec] = []
        var settings: RunSettings?
        for source in sources {
            let reader = YAMLReader(file: source.file)
            let document: Node?
            do {
                document = try Yams.compose(yaml: source.text)
            } catch {
                errors.append(syntaxError(error, file: source.file))
                continue
            }
            if let document {
                let parser = RulesFileParser(reader: reader)
                let parsed = parser.parse(document)
                feeds += parsed.feeds
                kpis += parsed.kpis
                contracts += parsed.contracts
                if let fileSettings = parsed.settings, let settingsNode = parsed.settingsNode {
                    if settings != nil {
                        reader.fail(settingsNode, "'settings' is declared in more than one rules file")
                    }
                    settings = fileSettings
                }
            }
            errors += reader.errors
        }
        errors += duplicateFeedErrors(feeds)
        let rules = RuleSet(feeds: feeds, settings: settings ?? RunSettings(), kpis: kpis, contracts: contracts)
        errors += RuleSetValidator.errors(in: rules)
        guard errors.isEmpty else { throw RulesErrors(errors) }
        guard !feeds.isEmpty else {
            let file = sources.first?.file ?? "Rules"
            throw RulesErrors([
                RulesError(location: RulesLocation(file: file, line: 1, column: 1), message: "no feeds are declared")
            ])
        }
        return rules
    }

    private static func duplicateFeedErrors(_ feeds: [FeedSpec]) -> [RulesError] {
        var seen: [String: FeedSpec] = [:]
        var errors: [RulesError] = []
        for feed in feeds {
            if let first = seen[feed.name] {
                let place = "\(first.declaredAt.file):\(first.declaredAt.line)"
                errors.append(
                    RulesError(
                        location: feed.declaredAt,
                        message: "feed '\(feed.name)' is already declared at \(place)"))
            } else {
                seen[feed.name] = feed
            }
        }
        return errors
    }

    /// A YAML syntax error at the place libyaml reports.
    private static func syntaxError(_ error: Error, file: String) -> RulesError {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return RulesError(
                location: RulesLocation(file: file, line: mark.line, column: mark.column),
                message: "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return RulesError(
                location: RulesLocation(file: file, line: context.mark.line, column: context.mark.column),
                message: "key \(names) appears more than once in the same mapping")
        default:
            return RulesError(
                location: RulesLocation(file: file, line: 1, column: 1),
                message: "invalid YAML: \(error)")
        }
    }
}
