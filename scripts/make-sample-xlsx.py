#!/usr/bin/env python3
"""Writes the sample inbox's XLSX scorecard (Inbox/nimbus_scorecard_2026-09.xlsx).

Standard library only: a minimal but valid SpreadsheetML workbook with a title row, shared
strings, a date-formatted month column, a percent-formatted column holding fractions and a
Total row, as Excel saves them.
"""
import sys
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else "Inbox/nimbus_scorecard_2026-09.xlsx"

strings = ["Nimbus Shared Services - Finance & HR scorecard", "Month", "Invoice Accuracy %",
           "Payroll Accuracy", "Employee Queries", "Total"]
def s(i): return f'<c r="{{ref}}" t="s"><v>{i}</v></c>'

rows = [
    [("A1", s(0))],
    [("A2", s(1)), ("B2", s(2)), ("C2", s(3)), ("D2", s(4))],
    # 46266 = 2026-09-01 (1900 date system); style 1 = date, style 2 = percent
    [("A3", '<c r="{ref}" s="1"><v>46266</v></c>'), ("B3", '<c r="{ref}"><v>98.6</v></c>'),
     ("C3", '<c r="{ref}" s="2"><v>0.995</v></c>'), ("D3", '<c r="{ref}"><v>1412</v></c>')],
    [("A4", s(5)), ("D4", '<c r="{ref}"><v>1412</v></c>')],
]
sheet_rows = "".join(
    f'<row r="{n}">' + "".join(cell.replace("{ref}", ref) for ref, cell in row) + "</row>"
    for n, row in enumerate(rows, start=1))

parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Scorecard" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), "".join(f"<si><t>{t.replace('&', '&amp;')}</t></si>" for t in strings)),
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="mmm\\-yy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>',
}
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 10, 2, 8, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text)
print("wrote", OUT)
