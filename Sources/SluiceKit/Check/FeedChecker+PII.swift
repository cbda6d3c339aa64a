extension FeedChecker {
    /// Masks the values of `pii:` fields in a record's findings, once, where findings are made,
    /// so every writer (exceptions.csv/json/html, stderr, preview) gets masked values: the raw
    /// value of a finding about such a field or its column, and any quoted occurrence of the
    /// field's raw or normalised value in a message or hint (a unique-key message names the
    /// key values, a compare message the other field's value).
    func maskPII(_ findings: inout [Finding], raw: RawRecord, fieldColumns: [Int?], values: [NormalisedValue?]) {
        var secrets: [String] = []
        var piiNames: Set<String> = []
        var piiColumns: Set<Int> = []
        for index in piiIndices {
            piiNames.insert(feed.fields[index].name)
            if index < fieldColumns.count, let source = fieldColumns[index], source < raw.fields.count {
                piiColumns.insert(raw.fields[source].column)
            }
            let rawValue = Self.rawValue(of: index, in: raw, fieldColumns: fieldColumns)
            for text in [rawValue, rawValue?.trimmingCharacters(in: .whitespaces), values[index]?.cleanText] {
                if let text, !text.isEmpty, !secrets.contains(text) { secrets.append(text) }
            }
        }
        // Longest first, so a value is masked whole before any shorter value inside it.
        secrets.sort { $0.count > $1.count }
        for index in findings.indices {
            var finding = findings[index]
            // A read problem outside the bound columns (a ragged row's extra cells) may hold the
            // split tail of a personal value ("Doe, John"): masked whenever the feed has any.
            let outsideFields = finding.field == nil && finding.location.field == nil
            let aboutPII =
                finding.field.map(piiNames.contains) ?? finding.location.column.map(piiColumns.contains) ?? false
                || (outsideFields && !piiIndices.isEmpty)
            if aboutPII, let raw = finding.rawValue { finding.rawValue = PIIMask.mask(raw) }
            for secret in secrets {
                finding.message = PIIMask.maskQuoted(secret, in: finding.message)
                finding.hint = finding.hint.map { PIIMask.maskQuoted(secret, in: $0) }
            }
            findings[index] = finding
        }
    }
}
