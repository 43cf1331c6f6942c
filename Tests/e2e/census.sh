#!/usr/bin/env bash
# End-to-end: the door-knocking census (敲门行动) on SQLite, then PostgreSQL when a server is given.
# dispatch --kind census → census finish (per household: residency, people present, flags) and the same
# through ingest → census share (a per-day rollup) → the board's overview (核实7天) and unit view → verify, which must also
# find a census rollup broken by hand; a bad finish is refused with the store unchanged; copy carries it.
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
unit=$station/1号楼/1单元
sql() { if [[ $1 == sqlite ]]; then sqlite3 "$2" "$3"; else psql "$2" -qAtX -c "$3"; fi; }
share() { "$bin" census share --db "$1" --scope "$station" --days "$2" --at "$3" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['places'][0]['verified'])"; }

census() {  # census ENGINE DB
  local e=$1 db=$2
  "$bin" demo --preset jiaohe --db "$db" --anchor "$at" >/dev/null
  "$bin" dispatch --db "$db" --scope "$station" --kind census --title 敲门行动 --at "$at" >"$work/$e.dispatch" 2>&1
  check "$e: dispatch --kind census reaches the compound's units" grep -q "assignments to" "$work/$e.dispatch"
  task=$("$bin" tasks --db "$db" --scope "$station" --at "$at" --json | python3 -c "import json,sys; print([t['id'] for t in json.load(sys.stdin)['tasks'] if t['type']=='census'][0])")
  "$bin" census finish --db "$db" --task "$task" --unit "$unit" --at 2026-11-22T21:00:00+08:00 --operator 站长 \
    --by 向桂晓 --household 101:常住:1 --household 102:暂住:2:elderly_alone --household 201:长期无人 >"$work/$e.finish" 2>&1
  check "$e: census finish records the unit's households" grep -q "census finished" "$work/$e.finish"
  check "$e: share over 7 days: 3 households" test "$(share "$db" 7 2026-11-22T22:00:00+08:00)" = 3
  check "$e: verify is clean after the finish" quiet "$bin" verify --db "$db"
  [[ $e == sqlite ]] && cp "$db" "$work/before.sqlite"
  "$bin" census finish --db "$db" --task "$task" --unit "$unit" --at 2026-11-22T21:00:00+08:00 --household 9999:常住 \
    >/dev/null 2>"$work/$e.bad"
  check "$e: a room the unit lacks is refused (exit 1, room named)" bash -c "[ $? = 1 ] && grep -q 'room 9999' '$work/$e.bad'"
  "$bin" done --db "$db" --task "$task" --unit "$station/1号楼/2单元" --at 2026-11-22T21:00:00+08:00 >/dev/null 2>"$work/$e.bare"
  check "$e: a census finish without what was verified is refused" bash -c "[ $? = 1 ] && grep -q 'census finish carries' '$work/$e.bare'"
  [[ $e == sqlite ]] && check "sqlite: nothing written by the refusals" cmp -s "$db" "$work/before.sqlite"
  uid=$("$bin" report --db "$db" --scope "$station/1号楼" --json --at "$at" | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin)['children'] if c['name']=='2单元'][0])")
  printf '{"id":"c-ingest-1","type":"done","task":%s,"unit":%s,"at":"2026-11-23T09:00:00+08:00","result":{"households":[{"room":"101","residency":"resident","present":3,"flags":["no_smartphone"]}]}}\n' "$task" "$uid" >"$work/$e.jsonl"
  "$bin" ingest "$work/$e.jsonl" --db "$db" >/dev/null 2>&1
  check "$e: the same finish through ingest counts (4 in 7 days, 1 today)" \
    bash -c "[ $(share "$db" 7 2026-11-23T10:00:00+08:00) = 4 ] && [ $(share "$db" 1 2026-11-23T10:00:00+08:00) = 1 ]"
  "$bin" snapshot --db "$db" --path "$station" --view overview --at 2026-11-23T10:00:00+08:00 --size 180x30 >"$work/$e.overview.txt"
  want=$("$bin" census share --db "$db" --scope "$station" --days 7 --at 2026-11-23T10:00:00+08:00 --json | python3 -c "import json,sys; p=[c for c in json.load(sys.stdin)['places'] if c['name']=='1号楼'][0]; print('%.1f%%' % (p['verified']*100/p['households']))")
  check "$e: the overview shows 核实7天 with 1号楼's share ($want, as census share)" \
    bash -c "grep -q '核实7天' '$work/$e.overview.txt' && grep '│1号楼 ' '$work/$e.overview.txt' | grep -qF ' $want│'"
  printf 'census_days = 1\n' >"$work/$e.conf"
  "$bin" snapshot --db "$db" --path "$station" --view overview --at 2026-11-23T10:00:00+08:00 --size 180x30 \
    --config "$work/$e.conf" >"$work/$e.overview1.txt"
  check "$e: ... counting census_days from board.conf (核实1天)" grep -q '核实1天' "$work/$e.overview1.txt"
  "$bin" snapshot --db "$db" --path "$unit" --view unit --at 2026-11-23T10:00:00+08:00 --size 140x20 >"$work/$e.unit.txt"
  check "$e: the unit view shows who verified each household and when" grep -q "11-22 21:00 向桂晓 · 暂住" "$work/$e.unit.txt"
  check "$e: verify is clean" quiet "$bin" verify --db "$db"
  sql "$e" "$db" "UPDATE census_day SET verified = verified + 1 WHERE place_id = (SELECT min(place_id) FROM census_day)"
  "$bin" verify --db "$db" >"$work/$e.verify" 2>&1
  check "$e: verify finds a census_day rollup broken by hand (exit 1)" bash -c "[ $? = 1 ] && grep -q census_day '$work/$e.verify'"
  sql "$e" "$db" "UPDATE census_day SET verified = verified - 1 WHERE place_id = (SELECT min(place_id) FROM census_day); UPDATE census_unit SET verified = 9"
  "$bin" verify --db "$db" >"$work/$e.verify2" 2>&1
  check "$e: ... and a census_unit one" bash -c "[ $? = 1 ] && grep -q census_unit '$work/$e.verify2' && ! grep -q census_day '$work/$e.verify2'"
}

quiet() { "$@" >/dev/null 2>&1; }
census sqlite "$work/c.sqlite"
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  base=${WANGGE_TEST_POSTGRES%/*}
  for d in wangge_census_$$ wangge_census_copy_$$; do
    psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $d" >/dev/null && pgdbs+=("$d")
  done
  census postgres "$base/wangge_census_$$"
  sqlite3 "$work/c.sqlite" "UPDATE census_unit SET verified = (SELECT count(*) FROM census_check c WHERE c.task_id = census_unit.task_id AND c.unit_id = census_unit.unit_id)"
  "$bin" copy --from "$work/c.sqlite" --to "$base/wangge_census_copy_$$" >"$work/copy.out" 2>&1
  check "postgres: copy carries the census (verify clean on the target)" grep -q "verified" "$work/copy.out"
  check "postgres: ... with the same share" test "$(share "$base/wangge_census_copy_$$" 7 2026-11-23T10:00:00+08:00)" = 4
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
else
  echo "skipped the PostgreSQL half: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
fi
finish
