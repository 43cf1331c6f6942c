#!/usr/bin/env bash
# End-to-end: `wangge export units|tasks|report` (and households, which re-imports) on a Jiaohe demo
# store, read back with Python's csv and openpyxl and compared with `report --json` / `tasks --json`;
# households go export → import → export with 0 changes. On SQLite, then on PostgreSQL when a server
# is given (WANGGE_TEST_POSTGRES).
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
ledgercheck="$here/../../scripts/ledger-check.py"
work=$(mktemp -d)
pgdbs=()
cleanup() {
  for d in "${pgdbs[@]}"; do psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT; echo "work: $work"
at=2026-11-22T20:00:00+08:00
scope=河北街道/水映花城社区
levels=街道/社区/居民委/小区/楼栋/单元
quiet() { "$@" >/dev/null 2>&1; }

exports() {  # exports ENGINE DEMO-DB FRESH-DB
  local e=$1 db=$2 fresh=$3 w="$work/$1"
  mkdir -p "$w"
  "$bin" demo --preset jiaohe --db "$db" --anchor "$at" >/dev/null
  for k in units tasks report; do
    for f in csv xlsx; do
      "$bin" export "$k" --db "$db" --scope "$scope" --at "$at" --format "$f" --out "$w/$k.$f" >"$w/$k.$f.out" 2>&1
      check "$e: export $k --format $f succeeds" grep -q "wrote [1-9][0-9]* $k row" "$w/$k.$f.out"
    done
  done
  "$bin" export units --db "$db" --scope "$scope" --at "$at" --reveal-phones --out "$w/units-full.csv" >/dev/null
  "$bin" report --db "$db" --scope "$scope" --at "$at" --json >"$w/report.json"
  "$bin" tasks --db "$db" --scope "$scope" --at "$at" --json >"$w/tasks.json"
  check "$e: units, tasks and report read the same through csv and openpyxl, and agree with the report" \
    python3 - "$ledgercheck" "$w" <<'PY'
import json, subprocess, sys
check, w = sys.argv[1:]
dump = lambda p: json.loads(subprocess.check_output([sys.executable, check, "dump", p]))["rows"]
rep, tasks = json.load(open(f"{w}/report.json")), json.load(open(f"{w}/tasks.json"))["tasks"]
for k in ("units", "tasks", "report"):
    a, b = dump(f"{w}/{k}.csv"), dump(f"{w}/{k}.xlsx")
    assert a == b, (k, a[:2], b[:2])
units, full = dump(f"{w}/units.csv"), dump(f"{w}/units-full.csv")
h = units[0]
assert h[:6] == ["街道", "社区", "居民委", "小区", "楼栋", "单元"] and h[6:9] == ["单元长", "电话", "部门"], h
assert len(units) - 1 == rep["totals"]["units"], (len(units), rep["totals"]["units"])
assert sum(int(r[h.index("户数")]) for r in units[1:]) == rep["totals"]["households"]
assert all("****" in r[7] for r in units[1:] if r[7]), units[1]
assert not any("****" in r[7] for r in full[1:]) and [r[:7] for r in full] == [r[:7] for r in units]
t = dump(f"{w}/tasks.csv")
assert t[0][:3] == ["编号", "类型", "标题"], t[0]
assert [int(r[0]) for r in t[1:]] == [x["id"] for x in tasks]
assert [int(r[7]) for r in t[1:]] == [x["acknowledged"] for x in tasks]
r = dump(f"{w}/report.csv")
assert r[0][:3] == ["名称", "户数", "人数"], r[0]
assert [x[0] for x in r[1:]] == [c["name"] for c in rep["children"]] + ["合计"]
assert [int(x[1]) for x in r[1:]] == [c["figures"]["households"] for c in rep["children"]] + [rep["totals"]["households"]]
PY
  # households: the importable kind goes round the importer with nothing changed.
  "$bin" export households --db "$db" --scope "$scope" --reveal-phones --out "$w/h0.csv" >/dev/null
  "$bin" init --db "$fresh" --root 蛟河市 --levels "$levels" >/dev/null
  "$bin" import --db "$fresh" --at "$at" "$w/h0.csv" >"$w/i1.out" 2>&1
  check "$e: the households export imports into an empty store as it is" grep -q "households: [1-9][0-9]* added, 0 changed" "$w/i1.out"
  "$bin" import --db "$db" --at "$at" "$w/h0.csv" >"$w/i0.out" 2>&1
  check "$e: ... and into the demo store it came from with 0 changes" grep -q "imported: 0 change(s)" "$w/i0.out"
  "$bin" export households --db "$fresh" --scope "$scope" --reveal-phones --out "$w/h1.csv" >/dev/null
  "$bin" export households --db "$fresh" --scope "$scope" --reveal-phones --format xlsx --out "$w/h1.xlsx" >/dev/null
  check "$e: export → import → export gives the same file" cmp -s "$w/h0.csv" "$w/h1.csv"
  "$bin" import --db "$fresh" --at "$at" "$w/h1.xlsx" >"$w/i2.out" 2>&1
  check "$e: re-importing the .xlsx export changes nothing" grep -q "imported: 0 change(s)" "$w/i2.out"
  check "$e: verify is clean on both stores" bash -c "'$bin' verify --db '$db' >/dev/null && '$bin' verify --db '$fresh' >/dev/null"
  # units: read by the importer as a leaders ledger (单元长 with 部门), so it brings the leaders over.
  "$bin" import --db "$fresh" --at "$at" "$w/units-full.csv" >"$w/i3.out" 2>&1
  check "$e: the units export (phones revealed) imports as the units' leaders" grep -q "leaders: [1-9][0-9]* added, 0 changed" "$w/i3.out"
  "$bin" import --db "$fresh" --at "$at" "$w/units-full.csv" >"$w/i4.out" 2>&1
  check "$e: ... and re-importing it changes nothing" grep -q "imported: 0 change(s)" "$w/i4.out"
  "$bin" export units --db "$fresh" --scope "$scope" --at "$at" --reveal-phones --out "$w/fresh-units.csv" >/dev/null
  check "$e: the imported store's units: same path, leader, phone, department, households and reach" \
    python3 - "$ledgercheck" "$w" <<'PY'
import json, subprocess, sys
check, w = sys.argv[1:]
dump = lambda p: json.loads(subprocess.check_output([sys.executable, check, "dump", p]))["rows"]
a, b = dump(f"{w}/units-full.csv"), dump(f"{w}/fresh-units.csv")
assert len(a) > 100 and [r[:11] for r in a] == [r[:11] for r in b], [(x, y) for x, y in zip(a, b) if x[:11] != y[:11]][:2]
PY
  check "$e: verify is clean after the leaders came in" quiet "$bin" verify --db "$fresh"
}

check "export refuses an unknown kind, naming the kinds" bash -c "! '$bin' export parcels --db '$work/none.sqlite' 2>'$work/parcels.err' && grep -q 'units, tasks, report, volunteers or duty' '$work/parcels.err'"
exports sqlite "$work/demo.sqlite" "$work/fresh.sqlite"
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  for d in wangge_exports_demo_$$ wangge_exports_fresh_$$; do
    psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $d" >/dev/null && pgdbs+=("$d")
  done
  base=${WANGGE_TEST_POSTGRES%/*}
  exports postgres "$base/wangge_exports_demo_$$" "$base/wangge_exports_fresh_$$"
  check "postgres: the units export is the SQLite one" cmp -s "$work/sqlite/units.csv" "$work/postgres/units.csv"
  check "postgres: the report export is the SQLite one" cmp -s "$work/sqlite/report.csv" "$work/postgres/report.csv"
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
else
  echo "skipped the PostgreSQL half: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
fi
finish
