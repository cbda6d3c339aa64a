import Foundation

/// Names for a draft: fields from headers, the feed and its files pattern from the file name.
enum FieldNamer {
    /// `Service Level %` → `service_level`, `AHT (mm:ss)` → `aht_mm_ss`, `u_vendor@display_value`
    /// → `u_vendor_display_value`; a header with no letter or digit → `column`.
    static func name(_ header: String) -> String {
        var words: [String] = []
        var current = ""
        for character in header.lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let name = words.joined(separator: "_")
        guard let first = name.first else { return "column" }
        return first.isNumber ? "c_" + name : name
    }

    /// `acme_scorecard_2026-10.csv` → `acme-scorecard`.
    static func feedName(fileName: String) -> String {
        let stem = stemBeforeDate(fileName)
        let name = self.name(stem).replacingOccurrences(of: "_", with: "-")
        return name == "column" ? "new-feed" : name
    }

    /// `acme_scorecard_2026-10.csv` → `acme_scorecard_*.csv`: the date part becomes `*`.
    static func filesPattern(fileName: String) -> String {
        let stem = stemBeforeDate(fileName)
        let fullStem = (fileName as NSString).deletingPathExtension
        guard stem.count < fullStem.count else { return fileName }
        let ext = (fileName as NSString).pathExtension
        return stem + "*" + (ext.isEmpty ? "" : "." + ext)
    }

    /// The file name up to (and with) the separator before its first run of digits:
    /// `acme_scorecard_2026-10.csv` → `acme_scorecard_`; the whole stem when it has none.
    private static func stemBeforeDate(_ fileName: String) -> String {
        let stem = Array((fileName as NSString).deletingPathExtension)
        for index in stem.indices.dropFirst() where stem[index].isNumber && "_- .".contains(stem[index - 1]) {
            return String(stem[..<index])
        }
        return String(stem)
    }

    /// A header that holds the vendor.
    static func isVendorHeader(_ header: String) -> Bool {
        let name = name(header)
        return ["vendor", "vendor_name", "supplier", "supplier_name", "provider", "partner", "u_vendor_display_value"]
            .contains(name)
    }

    /// A header naming an identifier or a period, not a measure.
    static func isIdentifierOrPeriod(_ header: String) -> Bool {
        let words = Set(name(header).split(separator: "_").map(String.init))
        return !words.isDisjoint(with: [
            "id", "no", "number", "code", "year", "month", "week", "day", "date", "period", "start", "end",
        ])
    }
}
