@testable import SluiceKit

/// Hostile values a vendor file can carry into a report.
enum Hostile {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"><img src=x onerror=alert(2)>"
    static let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"
}

/// Checks a page holds no markup from data: the only script is the page's own, and no
/// element that data could have brought in exists.
func inertMarkupProblems(in html: String, ownScripts: Int) -> [String] {
    var problems: [String] = []
    let scripts = html.components(separatedBy: "<script").count - 1
    if scripts != ownScripts { problems.append("\(scripts) <script> elements, expected \(ownScripts)") }
    for element in ["<img", "<iframe", "<object", "<a ", "<link", " onerror=\""] where html.contains(element) {
        problems.append("page contains '\(element)'")
    }
    return problems
}
