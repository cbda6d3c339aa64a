import CXLSXWriter
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One cell as the XLSX reports write it.
enum XLSXCell: Equatable {
    /// Text, always written as a string cell: never read as a formula, whatever it starts with.
    case text(String)
    /// A number shown with a number format.
    case number(Double, XLSXNumberStyle)
    /// A calendar date (an Excel serial with a `yyyy-mm-dd` format).
    case date(CivilDate)
    /// An empty cell.
    case blank

    /// The exact decimal as a number cell (parsed from its text, so `82.4` is the double nearest 82.4).
    static func decimal(_ value: ExactDecimal?, _ format: XLSXNumberStyle) -> XLSXCell {
        guard let value, let double = Double(value.description) else { return .blank }
        return .number(double, format)
    }

    /// Percent points (`82.4`) as the fraction Excel's percent formats expect (`0.824`).
    static func percent(points value: ExactDecimal?, decimals: Int) -> XLSXCell {
        guard let value else { return .blank }
        return decimal(ExactDecimal(significand: value.significand, scale: value.scale + 2), .percent(decimals))
    }
}

/// Number formats the reports use.
enum XLSXNumberStyle: Hashable {
    /// `0`, `0.0`, `0.00`…
    case decimals(Int)
    /// `0%`, `0.0%`…: the cell holds a fraction.
    case percent(Int)
    /// `#,##0.00`: an amount of money.
    case money

    var code: String {
        switch self {
        case .decimals(let places): return places > 0 ? "0." + String(repeating: "0", count: places) : "0"
        case .percent(let places): return (places > 0 ? "0." + String(repeating: "0", count: places) : "0") + "%"
        case .money: return "#,##0.00"
        }
    }
}

/// How a status value is highlighted by conditional formatting.
enum XLSXHighlight: Hashable {
    /// Red: breached, missing.
    case bad
    /// Amber: warning, late, early.
    case caution
    /// Green: met, received.
    case good

    /// Fill and font colours (Excel's own "Bad", "Neutral" and "Good" cell styles).
    var colours: (fill: lxw_color_t, font: lxw_color_t) {
        switch self {
        case .bad: return (0xFFC7CE, 0x9C0006)
        case .caution: return (0xFFEB9C, 0x9C5700)
        case .good: return (0xC6EFCE, 0x006100)
        }
    }
}

/// A column of a sheet: its title in the header row and its width in characters.
struct XLSXColumn {
    let title: String
    let width: Double
    /// Long text wrapped inside the cell (request texts).
    var wraps = false
}

/// Writes an XLSX workbook with libxlsxwriter in constant-memory mode.
///
/// Constant-memory mode (STACK.md: 25 MiB for 1M rows instead of 1.45 GB) streams each row to
/// a temporary file as soon as the next row starts, so rows are written strictly in order, and
/// it does not use the shared-strings table: every text cell is an inline string
/// (`t="inlineStr"`). Sheet-level settings (frozen pane, autofilter, conditional formats,
/// column widths) are kept until `close()` and may be set at any time.
final class XLSXWorkbookWriter {
    private let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var cellFormats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var highlightFormats: [XLSXHighlight: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheets: [XLSXSheetWriter] = []

    /// A cell's look: a number format, the header style, or wrapped text.
    enum CellStyle: Hashable {
        case header
        case number(XLSXNumberStyle)
        case date
        case wrapped
    }

    /// Creates the workbook; `created` is stored as its creation time, so the same data gives
    /// the same bytes (libxlsxwriter would otherwise stamp the current time).
    init(url: URL, created: Date) throws(OutputError) {
        path = url.path
        // libxlsxwriter opens the file only in workbook_close() and prints its own "[ERROR] …"
        // line to stderr when it cannot; creating it first reports the usual failures (missing
        // folder, no permission) as an OutputError without anything printed.
        let probe = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard probe >= 0 else {
            throw OutputError(path: path, message: "cannot create workbook: \(String(cString: strerror(errno)))")
        }
        _ = Glibc.close(probe)
        let tmpdir = url.deletingLastPathComponent().path
        workbook = sluice_xlsx_new_constant_memory(path, tmpdir)
        guard let workbook else { throw OutputError(path: path, message: "cannot create workbook") }
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        let result = workbook_set_properties(workbook, &properties)
        guard result == LXW_NO_ERROR else { throw error(result, "cannot set workbook properties") }
    }

    deinit {
        // A workbook that was never closed (an error half-way) still frees its memory and
        // temporary files; what it wrote is discarded with the staging folder.
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a sheet with a bold header row, frozen below the header, with these column widths.
    func addSheet(_ name: String, columns: [XLSXColumn]) throws(OutputError) -> XLSXSheetWriter {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw OutputError(path: path, message: "cannot add sheet '\(name)'")
        }
        let writer = XLSXSheetWriter(sheet: sheet, name: name, workbook: self, columns: columns)
        for (index, column) in columns.enumerated() {
            let format = column.wraps ? try format(.wrapped) : nil
            worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), column.width, format)
        }
        try writer.append(columns.map { .text($0.title) }, style: .header)
        worksheet_freeze_panes(sheet, 1, 0)
        sheets.append(writer)
        return writer
    }

    /// Finishes every sheet, writes the file and frees the workbook.
    func close() throws(OutputError) {
        guard let workbook else { return }
        for sheet in sheets { try sheet.finish() }
        self.workbook = nil
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else { throw error(result, "cannot write workbook") }
    }

    /// The cell format for a style, made once per workbook.
    func format(_ style: CellStyle) throws(OutputError) -> UnsafeMutablePointer<lxw_format> {
        if let format = cellFormats[style] { return format }
        guard let workbook, let format = workbook_add_format(workbook) else {
            throw OutputError(path: path, message: "cannot add a cell format")
        }
        switch style {
        case .header:
            format_set_bold(format)
            format_set_bg_color(format, 0xDDEBF7)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .number(let number):
            format_set_num_format(format, number.code)
        case .date:
            format_set_num_format(format, "yyyy-mm-dd")
        case .wrapped:
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        cellFormats[style] = format
        return format
    }

    /// The conditional (differential) format for a highlight, made once per workbook.
    func format(_ highlight: XLSXHighlight) throws(OutputError) -> UnsafeMutablePointer<lxw_format> {
        if let format = highlightFormats[highlight] { return format }
        guard let workbook, let format = workbook_add_format(workbook) else {
            throw OutputError(path: path, message: "cannot add a highlight format")
        }
        format_set_bg_color(format, highlight.colours.fill)
        format_set_font_color(format, highlight.colours.font)
        highlightFormats[highlight] = format
        return format
    }

    func error(_ code: lxw_error, _ what: String) -> OutputError {
        OutputError(path: path, message: "\(what): \(String(cString: lxw_strerror(code)))")
    }
}
