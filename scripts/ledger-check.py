#!/usr/bin/env python3
"""Reads ledgers the way other programs do, to check what Wangge writes (tests call it).

    ledger-check.py dump FILE          print the rows as JSON: .xlsx through openpyxl, .csv through
                                       Python's csv (a BOM means utf-8-sig; else UTF-8, else GB18030)
    ledger-check.py set FILE.xlsx SHEET!A2=VALUE ...   change cells with openpyxl and save (an
                                       operator fixing cells in a spreadsheet program)
"""
import csv
import io
import json
import sys


def dump(path):
    if path.lower().endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        return {"sheet": ws.title, "rows": rows}
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        text, enc = raw.decode("utf-8-sig"), "utf-8-bom"
    else:
        try:
            text, enc = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = raw.decode("gb18030"), "gb18030"
    return {"encoding": enc, "rows": [row for row in csv.reader(io.StringIO(text, newline=""))]}


def set_cells(path, assignments):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    for a in assignments:
        ref, value = a.split("=", 1)
        sheet, cell = ref.split("!", 1) if "!" in ref else (wb.worksheets[0].title, ref)
        wb[sheet][cell] = value
    wb.save(path)


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        print(json.dumps(dump(sys.argv[2]), ensure_ascii=False))
    elif sys.argv[1] == "set":
        set_cells(sys.argv[2], sys.argv[3:])
    else:
        sys.exit("usage: ledger-check.py dump FILE | set FILE.xlsx [SHEET!]CELL=VALUE ...")
