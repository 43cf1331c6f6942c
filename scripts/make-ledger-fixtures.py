#!/usr/bin/env python3
"""Writes the ledger (台账) fixtures of Tests/WanggeLedgerTests/Fixtures as Excel, WPS and openpyxl write
them. Every name and phone is synthetic (made up from fixed lists); no real personal data.

    python3 scripts/make-ledger-fixtures.py [OUT_DIR]

Needs openpyxl (PyPI; scripts/setup installs it). Output is deterministic apart from the ZIP entry
times openpyxl writes.
"""
import csv
import datetime
import io
import os
import sys

import re
import zipfile

import openpyxl
from openpyxl.styles import Font

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "Tests", "WanggeLedgerTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
PATH = ["河北街道", "水映花城社区", "第一居民委", "水映花城小区"]
HEADER = ["街道", "社区", "居民委", "小区", "楼栋", "单元", "房号", "户主", "电话", "人数",
          "独居老人", "无智能机", "残疾或慢病", "长期无人", "居家隔离"]


def household(i):
    """Row i (0-based) of a synthetic household ledger: 2 buildings x 2 units x rooms."""
    building = f"{i // 10 % 2 + 1}号楼"
    unit = f"{i // 5 % 2 + 1}单元"
    room = str(101 + (i % 5) * 100 + i // 20)
    name = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + GIVEN[(i * 3) % len(GIVEN)]
    phone = f"1380000{i:04d}"
    people = i % 5 + 1
    flags = ["是" if (i + k) % 7 == 0 else "否" for k in range(5)]
    return PATH + [building, unit, room, name, phone, str(people)] + flags


def write_csv(path, header, rows, encoding, newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def fixed_props(wb):
    wb.properties.created = datetime.datetime(2022, 4, 1)
    wb.properties.modified = datetime.datetime(2022, 4, 1)
    wb.properties.creator = "wangge fixtures"


# 1. As Excel saves "CSV UTF-8": a BOM, CRLF, a quoted cell with a comma, and a 备注 (notes) column
#    Wangge ignores, one of whose cells holds a line break (Alt+Enter): quoted, still one spreadsheet row.
rows = [household(i) + [""] for i in range(20)]
rows[3][7] = "钱二,三"
rows[4][15] = "子女在外地\n每周来一次"
write_csv(os.path.join(OUT, "households-excel-bom.csv"), HEADER + ["备注"], rows, "utf-8-sig")

# 2. As WPS saves CSV on Chinese Windows: GB18030, CRLF, header variants (手机号, 户主（户）, a
#    full-width space, 人数 with a note), flags as √ and blank.
wps_header = list(HEADER)
wps_header[7] = "户主（户）"
wps_header[8] = "手机号"
wps_header[9] = "人数 (人)"
wps_header[10] = "独居\u3000老人"
rows = [household(i) for i in range(20)]
for r in rows:
    r[10:15] = ["√" if v == "是" else "" for v in r[10:15]]
rows[2][8] = "0432-6420 1234"       # a landline with its area code
rows[5][1] = "水映花城社区\u9fa5"     # a rare character GB2312 lacks, GB18030 has (U+9FA5)
write_csv(os.path.join(OUT, "households-wps-gb18030.csv"), wps_header, rows, "gb18030")

# 3. The file an operator must fix: bad phone on row 7, unknown flag on row 12 (rows as the
#    spreadsheet shows them, the header being row 1). As CSV in GB18030 and as .xlsx.
bad = [household(i) for i in range(14)]
bad[7 - 2][8] = "1380000123"      # 10 digits
bad[12 - 2][11] = "可能"           # not a flag
write_csv(os.path.join(OUT, "households-bad-gb18030.csv"), HEADER, bad, "gb18030")

wb = openpyxl.Workbook()
fixed_props(wb)
ws = wb.active
ws.title = "住户"
ws.append(HEADER)
for r in bad:
    ws.append(r)
wb.save(os.path.join(OUT, "households-bad.xlsx"))

# 4. As openpyxl (and so Excel) writes a workbook: a title row above the header (merged), phones
#    stored as numbers, people as numbers, empty cells (no <c> element), a second sheet.
wb = openpyxl.Workbook()
fixed_props(wb)
ws = wb.active
ws.title = "住户台账"
ws.append(["水映花城小区住户台账（示例）"])
ws.merge_cells("A1:O1")
ws.append(HEADER)
for c in ws[2]:
    c.font = Font(bold=True)
for i in range(30):
    r = household(i)
    cells = r[:8] + [int(r[8]), int(r[9])] + [None if v == "否" else v for v in r[10:]]
    ws.append(cells)
ws2 = wb.create_sheet("帮扶")
ws2.append(["街道", "社区", "居民委", "小区", "楼栋", "单元", "房号", "户主", "帮扶方式", "帮扶人", "走访周期",
            "需求", "绿色通道", "上次走访", "建档日期"])
ws2.append(PATH + ["1号楼", "1单元", "101", "赵一一", "电话问询", "孙七", "2天", "买药", False,
                   datetime.datetime(2022, 4, 10, 9, 30), datetime.date(2022, 4, 1)])
ws2.append(PATH + ["1号楼", "2单元", "101", "韩一六", "上门看", "周八", "48h", "", True,
                   datetime.datetime(2022, 4, 11, 15, 0), datetime.date(2022, 4, 2)])
ws2.append(PATH + ["2号楼", "1单元", "102", "吴二", "一包一", "郑九", "每12小时", "送菜,代购", "否", None, None])
wb.save(os.path.join(OUT, "households-openpyxl.xlsx"))


# 4b. The same workbook with its text in a shared string table, as Excel itself writes it (openpyxl
#     writes inline strings): one string as rich text in two runs, one with a phonetic (rPh) run.
def excel_style_shared_strings(src, dst):
    parts = {}
    with zipfile.ZipFile(src) as z:
        for n in z.namelist():
            parts[n] = z.read(n)
    strings, index = [], {}
    cell = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>')

    def to_shared(m):
        text = m.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return '<c %st="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), index[text])

    for n in list(parts):
        if n.startswith("xl/worksheets/sheet"):
            parts[n] = cell.sub(to_shared, parts[n].decode("utf-8")).encode("utf-8")
    items = []
    for t in strings:
        if t == "钱二四":
            items.append('<si><r><t>钱</t></r><r><rPr><b/></rPr><t>二四</t></r></si>')
        elif t == "赵一一":
            items.append('<si><t>赵一一</t><rPh sb="0" eb="1"><t>zhao</t></rPh></si>')
        else:
            items.append('<si><t xml:space="preserve">%s</t></si>' % t)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(strings), len(strings), "".join(items))).encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", '<Relationship Id="rId99" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>').encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(zipfile.ZipInfo(n, date_time=(2022, 4, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    openpyxl.load_workbook(dst)  # still a workbook a spreadsheet library opens


excel_style_shared_strings(os.path.join(OUT, "households-openpyxl.xlsx"),
                           os.path.join(OUT, "households-excel-sst.xlsx"))

# 5. Unit leaders with English headers, plain UTF-8 with LF line ends.
write_csv(os.path.join(OUT, "leaders-english.csv"),
          ["street", "community", "committee", "compound", "building", "unit", "Leader", "Phone",
           "Department", "Squad", "squad_leader", "Home"],
          [PATH + ["1号楼", "1单元", "王十", "13900000001", "市教育局", "第一组", "冯五", "河南街道"],
           PATH + ["1号楼", "2单元", "王十", "13900000001", "市教育局", "第一组", "冯五", "河南街道"],
           PATH + ["2号楼", "1单元", "陈三", "+86 139 0000 0002", "市税务局", "第二组", "褚六", ""]],
          "utf-8", newline="\n")

# 6. Places: a path per row, trailing levels left empty for places above the unit.
write_csv(os.path.join(OUT, "places.csv"), ["街道", "社区", "居民委", "小区", "楼栋", "单元"],
          [PATH + ["", ""], PATH + ["3号楼", ""], PATH + ["3号楼", "1单元"], PATH + ["3号楼", "2单元"]],
          "utf-8-sig")
print("fixtures written to", os.path.normpath(OUT))
