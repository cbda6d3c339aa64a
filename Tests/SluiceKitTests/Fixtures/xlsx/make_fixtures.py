#!/usr/bin/env python3
"""Generates the XLSX reader's fixtures with the standard library only (no openpyxl).

Run from anywhere: python3 make_fixtures.py. The output is deterministic (fixed zip
timestamps), so regenerating changes nothing unless this script changes.
"""

import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2025, 10, 1, 12, 0, 0)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPE_SHEET = NS_REL + "/worksheet"
TYPE_STRINGS = NS_REL + "/sharedStrings"
TYPE_STYLES = NS_REL + "/styles"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(sheet_count):
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, sheet_count + 1)
    )
    return (
        XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + overrides + "</Types>"
    )


ROOT_RELS = (
    XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def workbook(sheets, date1904=False):
    """sheets: [(name, rId)] in tab order."""
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    body = "".join(f'<sheet name="{name}" sheetId="{i}" r:id="{rid}"/>' for i, (name, rid) in enumerate(sheets, 1))
    return XML_DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">{pr}<sheets>{body}</sheets></workbook>'


def workbook_rels(relationships):
    """relationships: [(rId, type, target)]."""
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in relationships)
    return XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">{body}</Relationships>'


def shared_strings(items):
    """items: raw <si> inner XML."""
    body = "".join(f"<si>{item}</si>" for item in items)
    return XML_DECL + f'<sst xmlns="{NS_MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


# cellXfs: 0 General, 1 built-in 14 (date), 2 custom 164 (date and time), 3 custom 165 (a number
# with a quoted "days" suffix: not a date), 4 built-in 21 (time), 5 built-in 46 ([h]:mm:ss, elapsed),
# 6 custom 166 (locale and colour in brackets, then a date).
STYLES = (
    XML_DECL + f'<styleSheet xmlns="{NS_MAIN}">'
    '<numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/>'
    '<numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/>'
    '<numFmt numFmtId="166" formatCode="[$-409][Red]d/m/yyyy;@"/>'
    "</numFmts>"
    '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>'
    '<cellXfs count="7">'
    '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>'
    '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="21" applyNumberFormat="1"/>'
    '<xf numFmtId="46" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def worksheet(rows_xml):
    return XML_DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheetData>{rows_xml}</sheetData></worksheet>'


def write_zip(name, parts, compression=zipfile.ZIP_DEFLATED):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", compression) as archive:
        for part_name, text in parts:
            info = zipfile.ZipInfo(part_name, date_time=STAMP)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return path


def package(sheets, sheet_xml, strings=None, date1904=False, extra=()):
    """sheets: [(name, target)] in tab order; sheet_xml: {target: xml}."""
    rels = [(f"rId{i}", TYPE_SHEET, target) for i, (_, target) in enumerate(sheets, 1)]
    rels.append(("rIdStyles", TYPE_STYLES, "styles.xml"))
    if strings is not None:
        rels.append(("rIdStrings", TYPE_STRINGS, "sharedStrings.xml"))
    parts = [
        ("[Content_Types].xml", content_types(len(sheets))),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook([(name, f"rId{i}") for i, (name, _) in enumerate(sheets, 1)], date1904)),
        ("xl/_rels/workbook.xml.rels", workbook_rels(rels)),
        ("xl/styles.xml", STYLES),
    ]
    if strings is not None:
        parts.append(("xl/sharedStrings.xml", shared_strings(strings)))
    for target, xml in sheet_xml.items():
        parts.append(("xl/" + target, xml))
    parts.extend(extra)
    return parts


def scorecard_parts():
    strings = [
        "<t>Acme BPO scorecard, October 2025</t>",  # 0 title
        "<t>Vendor</t>",  # 1
        "<t>Calls</t>",  # 2
        "<t>Acme</t>",  # 3
        # 4: rich text runs are concatenated; the phonetic run is not part of the value.
        '<r><t xml:space="preserve">P&amp;L </t></r><r><rPr><b/></rPr><t>&lt;check&gt;</t></r>'
        "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>",
        "<t>Total</t>",  # 5
        "<t>Service Level</t>",  # 6
    ]
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        # Row 2 is absent: a blank row. Row 3 is the header, with G3 missing (an empty header cell)
        # and an inline string with spaces around it (trimmed).
        '<row r="3">'
        '<c r="A3" t="s"><v>1</v></c><c r="B3" t="inlineStr"><is><t xml:space="preserve"> Queue </t></is></c>'
        '<c r="C3" t="s"><v>2</v></c><c r="D3" t="s"><v>6</v></c><c r="E3" t="inlineStr"><is><t>Escalated</t></is></c>'
        '<c r="F3" t="inlineStr"><is><t>Period Start</t></is></c><c r="H3" t="inlineStr"><is><t>Notes</t></is></c>'
        '<c r="I3" s="1"/>'  # a styled empty cell after the last header: not a column
        "</row>"
        '<row r="4">'
        '<c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><r><t>Bill</t></r><r><t>ing</t></r></is></c>'
        '<c r="C4"><v>1234</v></c><c r="D4"><v>92.5</v></c><c r="E4" t="b"><v>1</v></c>'
        '<c r="F4" s="1"><v>45931</v></c><c r="H4" t="s"><v>4</v></c>'
        "</row>"
        '<row r="5">'
        '<c r="A5" t="s"><v>3</v></c><c r="B5" t="str"><f>"Tech, "&amp;"L2"</f><v>Tech, L2</v></c>'
        '<c r="C5" s="3"><v>45</v></c><c r="D5"><v>0.30000000000000004</v></c><c r="E5" t="b"><v>0</v></c>'
        '<c r="F5" s="2"><v>45932.5</v></c><c r="G5" s="6"><v>45933</v></c><c r="H5" t="e"><v>#N/A</v></c>'
        "</row>"
        '<row r="6"><c r="A6" s="1"/><c r="B6" t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row>'
        '<row r="7"><c r="A7" t="s"><v>5</v></c><c r="C7"><f>SUM(C4:C5)</f><v>1279</v></c></row>'
    )
    return package([("Scorecard", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": worksheet(rows)}, strings)


def two_sheets():
    # Tab order Sheet1, Data; the relationships point them at sheet2.xml and sheet1.xml, so the
    # reader must follow the relationships rather than guess file names.
    summary = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>summary</t></is></c></row>')
    data = worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kpi</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>aht</t></is></c><c r="B2"><v>312</v></c></row>'
    )
    rels = [
        ("rId1", TYPE_SHEET, "/xl/worksheets/sheet1.xml"),  # absolute target, from the package root
        ("rId2", TYPE_SHEET, "worksheets/sheet2.xml"),
        ("rIdStyles", TYPE_STYLES, "styles.xml"),
    ]
    return [
        ("[Content_Types].xml", content_types(2)),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook([("Sheet1", "rId2"), ("Data", "rId1")])),
        ("xl/_rels/workbook.xml.rels", workbook_rels(rels)),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", data),
        ("xl/worksheets/sheet2.xml", summary),
    ]


def sparse_row():
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="D1" t="inlineStr"><is><t>d</t></is></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>4</v></c></row>'
        '<row r="3"><c r="C3"><v>3</v></c><c r="F3" t="inlineStr"><is><t>extra</t></is></c></row>'
        # Rows and cells without r attributes follow the previous ones.
        '<row><c><v>5</v></c><c/><c><v>7</v></c></row>'
    )
    return package([("Sparse", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": worksheet(rows)})


def date1904():
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>day</t></is></c><c r="B1" t="inlineStr"><is><t>at</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>time</t></is></c><c r="D1" t="inlineStr"><is><t>handled</t></is></c></row>'
        '<row r="2"><c r="A2" s="1"><v>44469</v></c><c r="B2" s="2"><v>44469.75</v></c>'
        '<c r="C2" s="4"><v>0.5</v></c><c r="D2" s="5"><v>1.5</v></c></row>'
    )
    return package([("Dates", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": worksheet(rows)}, date1904=True)


def many_rows(count):
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c><c r="B1" t="inlineStr"><is><t>label</t></is></c></row>']
    for n in range(1, count + 1):
        r = n + 1
        rows.append(f'<row r="{r}"><c r="A{r}"><v>{n}</v></c><c r="B{r}" t="inlineStr"><is><t>row &amp; {n}</t></is></c></row>')
    return package([("Big", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": worksheet("".join(rows))})


def set_declared_size(path, entry, size):
    """Rewrites an entry's uncompressed size in its local header and central directory record."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(entry)
    data = bytearray(open(path, "rb").read())
    # Local file header: signature, version, flags, method, time, date, crc, csize, usize.
    struct.pack_into("<I", data, info.header_offset + 22, size)
    name = entry.encode()
    index = data.find(b"PK\x01\x02")
    while index >= 0:
        name_length = struct.unpack_from("<H", data, index + 28)[0]
        if data[index + 46 : index + 46 + name_length] == name:
            struct.pack_into("<I", data, index + 24, size)
        index = data.find(b"PK\x01\x02", index + 4)
    open(path, "wb").write(bytes(data))


def main():
    write_zip("scorecard-shared-strings.xlsx", scorecard_parts())
    write_zip("two-sheets.xlsx", two_sheets())
    write_zip("sparse-row.xlsx", sparse_row())
    write_zip("date1904.xlsx", date1904())
    write_zip("many-rows.xlsx", many_rows(3000))

    # 20 MiB of spaces deflates to about 20 KiB: the declared 1000:1 ratio is refused before inflating.
    header_row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    bomb = worksheet(header_row).replace("<sheetData>", "<sheetData>" + " " * (20 << 20))
    bomb_parts = package([("Bomb", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": bomb})
    write_zip("zip-bomb.xlsx", bomb_parts)
    # The same entry declaring 64 KiB: the declared sizes pass, the inflating does not.
    lying = write_zip("zip-bomb-lying-size.xlsx", bomb_parts)
    set_declared_size(lying, "xl/worksheets/sheet1.xml", 64 << 10)

    scorecard = scorecard_parts()
    write_zip("path-traversal.xlsx", scorecard + [("../../evil.sh", "#!/bin/sh\necho owned\n")])
    write_zip("absolute-path.xlsx", scorecard + [("/etc/cron.d/evil", "* * * * * root true\n")])

    with open(os.path.join(HERE, "legacy.xls"), "wb") as handle:
        handle.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(range(256)) * 4)
    with open(os.path.join(HERE, "not-a-zip.xlsx"), "wb") as handle:
        handle.write(b"vendor,calls\nAcme,120\n")

    full = open(write_zip("truncated.xlsx", scorecard), "rb").read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as handle:
        handle.write(full[: len(full) // 2])

    write_zip("no-workbook.xlsx", [("README.txt", "not a workbook\n"), ("data/sheet.xml", "<x/>")])

    doctype = (
        XML_DECL + '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + f'<worksheet xmlns="{NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is>'
        + "</c></row></sheetData></worksheet>"
    )
    write_zip("doctype.xlsx", package([("Sheet1", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": doctype}))
    doctype_strings = package(
        [("Sheet1", "worksheets/sheet1.xml")],
        {"worksheets/sheet1.xml": worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')},
        strings=["<t>a</t>"],
    )
    doctype_strings = [
        (name, text.replace(XML_DECL, XML_DECL + '<!DOCTYPE sst [<!ENTITY a "aaaa">]>') if name == "xl/sharedStrings.xml" else text)
        for name, text in doctype_strings
    ]
    write_zip("doctype-shared-strings.xlsx", doctype_strings)

    broken = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace("</sheetData>", "</sheetData")
    write_zip("malformed-sheet.xlsx", package([("Sheet1", "worksheets/sheet1.xml")], {"worksheets/sheet1.xml": broken}))


if __name__ == "__main__":
    main()
