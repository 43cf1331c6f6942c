#!/usr/bin/env bash
# End-to-end: volunteers and duty rosters through `wangge import` (GB18030, BOM, xlsx; --check writes
# nothing; a bad row rejects the run with FILE:ROW:COLUMN and --errors re-imports once fixed; re-import
# changes nothing; `volunteer import` is the same path), export of both, and the audit of
# `export --reveal-phones`; on SQLite, then PostgreSQL when WANGGE_TEST_POSTGRES is set.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
pgdbs=()
cleanup() {
  for d in "${pgdbs[@]}"; do psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT; echo "work: $work"
at=2026-11-22T20:00:00+08:00
station=河北街道/水映花城社区/水映花城居民委/水映花城小区
path4=河北街道,水映花城社区,水映花城居民委,水映花城小区

printf '\xef\xbb\xbf姓名,电话,党员,报到社区,报到单位,队伍,岗位,报到时间,上岗时间\n张志愿,14000001001,是,河北街道/水映花城社区,市教育局,党员先锋队,人员排查、配送物资,2026-11-20 08:00,\n李志愿,14000001002,否,河北街道/水映花城社区,,青年先锋队,消毒杀菌,,\n' >"$work/v.csv"
printf '街道,社区,居民委,小区,岗位,姓名,电话,班次开始,班次结束,轮休\n%s,第一书记,王五,14000002001,08:00,20:00,2/1\n%s,卡口,赵六,,20:00,08:00,\n' "$path4" "$path4" \
  | iconv -f UTF-8 -t GB18030 >"$work/d.csv"
printf '街道,社区,居民委,小区,岗位,姓名,电话,班次开始,班次结束,轮休\n%s,楼长,钱七,1400000,08:00,20:00,\n%s,卡口,孙八,,25:00,08:00,\n' "$path4" "$path4" \
  | iconv -f UTF-8 -t GB18030 >"$work/bad.csv"

ledger() {  # ledger ENGINE DB
  local e=$1 db=$2
  "$bin" demo --preset jiaohe --db "$db" --anchor "$at" >/dev/null
  "$bin" import --db "$db" "$work/v.csv" --check --at "$at" >"$work/$e.check" 2>&1
  check "$e: --check of a volunteers ledger says 2 added" grep -q "volunteers: 2 added, 0 changed, 0 unchanged" "$work/$e.check"
  check "$e: --check wrote nothing (a second --check still adds 2)" \
    bash -c "'$bin' import --db '$db' '$work/v.csv' --check --at '$at' | grep -q 'volunteers: 2 added'"
  "$bin" import --db "$db" "$work/v.csv" "$work/d.csv" --at "$at" >"$work/$e.import" 2>&1
  check "$e: volunteers (BOM) and duty (GB18030) import in one run" \
    bash -c "grep -q 'volunteers: 2 added' '$work/$e.import' && grep -q 'duty: 2 added' '$work/$e.import'"
  "$bin" volunteer import --db "$db" "$work/v.csv" --at "$at" >"$work/$e.again" 2>&1
  check "$e: volunteer import (the alias) re-imports with 0 changes" grep -q "imported: 0 change(s)" "$work/$e.again"
  "$bin" import --db "$db" "$work/d.csv" --at 2026-11-25T20:00:00+08:00 >"$work/$e.again2" 2>&1
  check "$e: a duty re-import days later changes nothing (rotation kept)" grep -q "duty: 0 added, 0 changed, 2 unchanged" "$work/$e.again2"
  check "$e: the roster holds the posts" bash -c "'$bin' duty roster --db '$db' --scope '$station' | grep -q '第一书记	王五'"
  "$bin" import --db "$db" "$work/bad.csv" --errors "$work/$e.errors.csv" --at "$at" >"$work/$e.bad" 2>&1
  check "$e: a bad duty file is refused (exit 1)" test $? = 1
  check "$e: the bad phone and time are named FILE:ROW:COLUMN" \
    bash -c "grep -q 'bad.csv:2:电话' '$work/$e.bad' && grep -q 'bad.csv:3:班次开始' '$work/$e.bad'"
  check "$e: nothing of it was written" bash -c "! '$bin' duty roster --db '$db' --scope '$station' | grep -q 钱七"
  iconv -f GB18030 -t UTF-8 "$work/$e.errors.csv" | sed 's/1400000/14000003001/; s/25:00/21:00/' | iconv -f UTF-8 -t GB18030 >"$work/$e.fixed.csv"
  "$bin" import --db "$db" "$work/$e.fixed.csv" --at "$at" >"$work/$e.fixed" 2>&1
  check "$e: the fixed errors file (GB18030, with 问题) imports" grep -q "duty: 2 added" "$work/$e.fixed"
  "$bin" template volunteers --format xlsx --out "$work/$e.tv.xlsx" >/dev/null
  "$bin" import --db "$db" "$work/$e.tv.xlsx" --check --at "$at" >"$work/$e.tcheck" 2>&1
  check "$e: the volunteers xlsx template is read as volunteers" grep -q "volunteers: 1 added" "$work/$e.tcheck"
  "$bin" export duty --db "$db" --scope "$station" --out "$work/$e.duty.csv" >/dev/null
  check "$e: duty export masks phones" grep -q "140\*\*\*\*2001" "$work/$e.duty.csv"
  "$bin" export duty --db "$db" --scope "$station" --reveal-phones --out "$work/$e.dutyr.csv" --at "$at" >/dev/null 2>&1
  "$bin" import --db "$db" "$work/$e.dutyr.csv" --at "$at" >"$work/$e.round" 2>&1
  check "$e: a revealed duty export re-imports with 0 changes" grep -q "imported: 0 change(s)" "$work/$e.round"
  "$bin" audit --db "$db" >"$work/$e.audit" 2>&1
  check "$e: the reveal is audited with kind and rows, no phone" \
    bash -c "grep -q 'export-reveal' '$work/$e.audit' && grep 'export-reveal' '$work/$e.audit' | grep -q '\"rows\":4' && ! grep 'export-reveal' '$work/$e.audit' | grep -q 14000002001"
  check "$e: verify is clean" bash -c "'$bin' verify --db '$db' >/dev/null 2>&1"
}

ledger sqlite "$work/s.sqlite"
if [[ -n "${WANGGE_TEST_POSTGRES:-}" ]]; then
  d=wangge_ledger6_$$
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $d" && pgdbs+=("$d")
  ledger postgres "${WANGGE_TEST_POSTGRES%/*}/$d"
fi
finish
