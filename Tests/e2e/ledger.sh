#!/usr/bin/env bash
# End-to-end: wangge init → import the station's ledgers (GB18030 CSV as WPS saves it, UTF-8 CSV with
# a BOM as Excel saves it, an .xlsx written by openpyxl) → re-import changes nothing → a bad file is
# refused whole and its --errors file imports once fixed → export → import round trip; verify after each.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
fixtures="$here/../WanggeLedgerTests/Fixtures"
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT; echo "work: $work"
at=2026-11-22T20:00:00+08:00
levels=街道/社区/居民委/小区/楼栋/单元

fresh() { "$bin" init --db "$1" --root 蛟河市 --levels "$levels" >/dev/null; }

db="$work/s.sqlite"
"$bin" init --db "$db" --root 蛟河市 --levels "$levels" >"$work/init.out"
check "init creates the store with mode 0600" test "$(stat -c %a "$db")" = 600
check "init makes no demo store (simulate refuses it)" bash -c "! '$bin' simulate --db '$db' --at $at --duration 1m >/dev/null 2>&1"
check "init refuses an existing store" bash -c "! '$bin' init --db '$db' --root 蛟河市 --levels '$levels' 2>/dev/null"
"$bin" snapshot --db "$db" --at "$at" --size 120x30 >"$work/empty.txt" 2>&1
check "the board on an empty store says what to import" grep -q "还没有台账" "$work/empty.txt"

for f in households-wps-gb18030.csv households-excel-bom.csv households-openpyxl.xlsx; do
  s="$work/$f.sqlite"
  fresh "$s"
  "$bin" import --db "$s" --at "$at" "$fixtures/$f" >"$work/$f.1" 2>&1
  check "$f imports" grep -q "households: [1-9][0-9]* added" "$work/$f.1"
  check "verify is clean after importing $f" "$bin" verify --db "$s"
  "$bin" import --db "$s" --at "$at" "$fixtures/$f" >"$work/$f.2" 2>&1
  check "re-importing $f reports 0 changes" grep -q "imported: 0 change(s)" "$work/$f.2"
  check "verify is clean after re-importing $f" "$bin" verify --db "$s"
done

"$bin" import --db "$db" --at "$at" "$fixtures/households-wps-gb18030.csv" "$fixtures/leaders-english.csv" \
  "$fixtures/places.csv" >"$work/all.out" 2>&1
check "households, leaders and places import in one run" grep -q "leaders: 3 added" "$work/all.out"
check "verify is clean after the run" "$bin" verify --db "$db"
"$bin" import --db "$db" --at "$at" --check "$fixtures/households-excel-bom.csv" >"$work/check.out" 2>&1
check "--check says what would change and writes nothing" grep -q "check only: nothing was written" "$work/check.out"

cp "$db" "$work/before.sqlite"
"$bin" report --db "$db" --at "$at" >"$work/report.before"
"$bin" import --db "$db" --at "$at" --errors "$work/errors.csv" "$fixtures/households-bad-gb18030.csv" \
  >"$work/bad.out" 2>"$work/bad.err"
rc=$?
check "the bad file exits 1" test "$rc" = 1
check "the bad phone on row 7 is named" grep -q "households-bad-gb18030.csv:7:电话" "$work/bad.err"
check "the unknown flag on row 12 is named" grep -q "households-bad-gb18030.csv:12:无智能机" "$work/bad.err"
check "nothing written: the store's bytes are unchanged" cmp -s "$db" "$work/before.sqlite"
"$bin" report --db "$db" --at "$at" >"$work/report.after"
check "nothing written: the report is unchanged" cmp -s "$work/report.before" "$work/report.after"
check "the errors file stays GB18030 with a 问题 column" python3 - "$work/errors.csv" <<'PY'
import sys
text = open(sys.argv[1], "rb").read().decode("gb18030")
assert "问题" in text.splitlines()[0] and len(text.strip().splitlines()) == 3, text
PY
python3 - "$work/errors.csv" <<'PY'
import csv, io, sys
p = sys.argv[1]
rows = list(csv.reader(io.StringIO(open(p, "rb").read().decode("gb18030"), newline="")))
h = rows[0]
for r in rows[1:]:
    if r[h.index("电话")] == "1380000123": r[h.index("电话")] = "13800001230"
    if r[h.index("无智能机")] == "可能": r[h.index("无智能机")] = "否"
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\r\n").writerows(rows)
open(p, "wb").write(out.getvalue().encode("gb18030"))
PY
"$bin" import --db "$db" --at "$at" "$work/errors.csv" >"$work/fixed.out" 2>&1
check "the fixed errors file imports as it is (its 2 rows)" grep -qE "households: [0-9] added, 0 changed, [0-9] unchanged" "$work/fixed.out"
check "... and the rows are there" bash -c "'$bin' export households --db '$db' --reveal-phones --out '$work/after-fix.csv' >/dev/null && grep -q 13800001230 '$work/after-fix.csv'"
check "verify is clean after the fixed file" "$bin" verify --db "$db"

# Rows the store refuses (outside --scope; a help case for a missing household) go to --errors too.
printf '\xef\xbb\xbf街道,社区,居民委,小区,楼栋,单元,房号,户主,电话,人数\r\n河北街道,水映花城社区,第一居民委,水映花城小区,1号楼,1单元,901,孙九,13800009001,2\r\n河南街道,江南社区,第二居民委,江南小区,1号楼,1单元,101,周十,13800009002,3\r\n' >"$work/scoped.csv"
"$bin" import --db "$db" --at "$at" --scope 河北街道 --errors "$work/scoped-errors.csv" "$work/scoped.csv" \
  >"$work/scoped.out" 2>"$work/scoped.err"
check "a row outside --scope is refused (exit 1, row 3 named)" bash -c "[ $? = 1 ] && grep -q 'scoped.csv:3:街道' '$work/scoped.err'"
check "... and goes to the errors file with its reason, as UTF-8 with a BOM" python3 - "$work/scoped-errors.csv" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), raw[:8]
lines = raw.decode("utf-8-sig").strip().splitlines()
assert len(lines) == 2 and "问题" in lines[0] and "江南小区" in lines[1] and "第3行" in lines[1], lines
PY
sed -i 's/^河南街道/河北街道/' "$work/scoped-errors.csv"
"$bin" import --db "$db" --at "$at" --scope 河北街道 "$work/scoped-errors.csv" >"$work/scoped-fixed.out" 2>&1
check "the fixed errors file (street corrected) imports under the scope" grep -q "households: 1 added" "$work/scoped-fixed.out"
printf '街道,社区,居民委,小区,楼栋,单元,房号,户主,帮扶方式,帮扶人,走访周期\r\n河北街道,水映花城社区,第一居民委,水映花城小区,1号楼,1单元,999,,电话问询,赵六,2d\r\n' >"$work/help-missing.csv"
"$bin" import --db "$db" --at "$at" --errors "$work/help-errors.csv" "$work/help-missing.csv" >/dev/null 2>&1
check "a help case for a missing household goes to the errors file" grep -q "999.*第2行: 房号" "$work/help-errors.csv"
check "verify is clean after the refused runs" "$bin" verify --db "$db"

# Export → import round trip of a Jiaohe demo store's households, as exported: the demo's phones are
# fictional (140…) but shaped like mobiles, so the file imports with no rewriting.
demo="$work/demo.sqlite"
"$bin" demo --preset jiaohe --db "$demo" --anchor "$at" >/dev/null
scope=河北街道/水映花城社区
"$bin" export households --db "$demo" --scope "$scope" --reveal-phones --out "$work/h0.csv" >/dev/null
check "the demo's phones are fictional 140… mobiles" python3 - "$work/h0.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
phone = rows[0].index("电话")
assert len(rows) > 100 and all(r[phone].startswith("140") and len(r[phone]) == 11 for r in rows[1:]), rows[1]
PY
trip="$work/trip.sqlite"
fresh "$trip"
"$bin" import --db "$trip" --at "$at" "$work/h0.csv" >"$work/trip.out" 2>&1
check "the Jiaohe export imports into an empty store" grep -q "households: [1-9][0-9]* added" "$work/trip.out"
check "verify is clean after the round trip" "$bin" verify --db "$trip"
"$bin" export households --db "$trip" --scope "$scope" --reveal-phones --out "$work/h1.csv" >/dev/null
"$bin" export households --db "$trip" --scope "$scope" --reveal-phones --format xlsx --out "$work/h1.xlsx" >/dev/null
"$bin" export households --db "$trip" --scope "$scope" --out "$work/masked.csv" >/dev/null
check "export → import → export gives the same file" cmp -s "$work/h0.csv" "$work/h1.csv"
check "Python's csv and openpyxl read the same households, masked phones aside" python3 - \
  "$here/../../scripts/ledger-check.py" "$work/h1.csv" "$work/h1.xlsx" "$work/masked.csv" <<'PY'
import json, subprocess, sys
check, csvf, xlsx, masked = sys.argv[1:]
dump = lambda p: json.loads(subprocess.check_output([sys.executable, check, "dump", p]))
a, b, m = dump(csvf), dump(xlsx), dump(masked)
assert a["encoding"] == "utf-8-bom", a["encoding"]
assert len(a["rows"]) > 100 and a["rows"][0][6:9] == ["房号", "户主", "电话"], a["rows"][0]
phone = a["rows"][0].index("电话")
drop = lambda rows: [r[:phone] + r[phone + 1:] for r in rows]
assert drop(a["rows"]) == drop(b["rows"]) == drop(m["rows"])
assert [r[phone] for r in a["rows"]] == [r[phone] for r in b["rows"]]
assert all("****" in r[phone] for r in m["rows"][1:]), m["rows"][1]
assert not any("****" in r[phone] for r in a["rows"][1:])
PY
"$bin" import --db "$trip" --at "$at" "$work/h1.xlsx" >"$work/trip-xlsx.out" 2>&1
check "re-importing the .xlsx export changes nothing" grep -q "imported: 0 change(s)" "$work/trip-xlsx.out"
"$bin" import --db "$demo" --at "$at" "$work/h0.csv" >"$work/demo-import.out" 2>&1
check "the demo's own export re-imports into it with 0 changes" grep -q "imported: 0 change(s)" "$work/demo-import.out"
check "... which leaves it a demo store" bash -c "'$bin' snapshot --db '$demo' --at $at --size 120x30 | grep -q DEMO"
sed -i '2s/,[0-9],\([是否]\)/,9,\1/' "$work/h0.csv"
"$bin" import --db "$demo" --at "$at" "$work/h0.csv" >"$work/demo-import.out" 2>&1
check "a changed row imports into the demo store (1 changed)" grep -q "households: 0 added, 1 changed" "$work/demo-import.out"
check "importing into the demo store clears its demo mark" bash -c "! '$bin' simulate --db '$demo' --at $at --duration 1m >/dev/null 2>&1"
check "verify is clean on the demo store after the import" "$bin" verify --db "$demo"

for k in households leaders help places; do
  "$bin" template "$k" --out "$work/t-$k.csv" >/dev/null
  "$bin" template "$k" --format xlsx --out "$work/t-$k.xlsx" >/dev/null
  t="$work/t-$k.sqlite"
  fresh "$t"
  if [ "$k" = help ]; then "$bin" import --db "$t" --at "$at" "$work/t-households.csv" >/dev/null 2>&1; fi
  check "the $k template (csv) imports into an empty store" "$bin" import --db "$t" --at "$at" --check "$work/t-$k.csv"
  check "the $k template (xlsx) imports into an empty store" "$bin" import --db "$t" --at "$at" --check "$work/t-$k.xlsx"
done
finish
