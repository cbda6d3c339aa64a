/// A1-style cell references: `B17` is column 2, row 17.
enum XLSXCellReference {
    /// Excel's last column, XFD.
    static let maxColumn = 16_384
    /// Excel's last row.
    static let maxRow = 1_048_576

    /// Column and row of a reference such as `B17`; the row is `nil` for a bare column (`B`).
    /// `nil` when the text is not a reference within Excel's grid.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int?)? {
        var index = 0
        var column = 0
        while index < bytes.count, let letter = upper(bytes[index]) {
            column = column * 26 + Int(letter - 0x40)
            index += 1
            if column > maxColumn { return nil }
        }
        guard column > 0 else { return nil }
        if index == bytes.count { return (column, nil) }
        var row = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            row = row * 10 + Int(byte - 0x30)
            if row > maxRow { return nil }
            index += 1
        }
        return row > 0 ? (column, row) : nil
    }

    /// The letters of a 1-based column: 1 → `A`, 27 → `AA`.
    static func letters(_ column: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(0x41 + digit)))
            rest = (rest - 1) / 26
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.reversed())
        return text
    }

    /// The sheet-name prefix of a cell path: `Scorecard!`, or `'Q3 Data'!` when the name needs
    /// Excel's quotes (anything but letters, digits, `_` and `.`; a `'` is doubled).
    static func sheetPrefix(_ sheet: String) -> String {
        let plain =
            !sheet.isEmpty
            && sheet.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0 == "_" || $0 == "." || ("0"..."9").contains($0)
            }
        return plain ? sheet + "!" : "'" + sheet.replacing("'", with: "''") + "'!"
    }

    private static func upper(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte
        case 0x61...0x7A: byte - 0x20
        default: nil
        }
    }
}
