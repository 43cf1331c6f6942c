#!/usr/bin/env bash
# End-to-end: reports up the chain on a Jiaohe store — 迟报 at 31 min (and ±1 s) under the 30-min rule,
# an acknowledgement after its window escalates, both counted for the station's commander; a
# spot-check finding with no station report is 漏报 one second after the delay and 瞒报 once a
# commander records evidence; `spotcheck draw --seed 7` twice gives the same sample and the weights
# lean it toward help cases; scores and verify.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
tag="r$$"
trap '[[ -n ${pgdb:-} ]] && { psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)"; for r in st_$tag cm_$tag; do psql "$WANGGE_TEST_POSTGRES" -qc "DROP ROLE IF EXISTS $r"; done; } >/dev/null 2>&1; rm -rf "$work"' EXIT
export WANGGE_DB="$work/j.sqlite"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
station=河北街道/水映花城社区/水映花城居民委/水映花城小区
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --anchor "$anchor" >/dev/null
w() { "$bin" "$@"; }
quietly() { "$@" >/dev/null 2>&1; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

w incident commander --station "$station" --name 王指挥 --at "$anchor" >/dev/null
file() {  # file ID FILED-AT
  w incident file --id "$1" --kind 疑似病例 --severity 1 --place "$station/12号楼" --text 发热 \
    --happened 2026-11-22T19:00:00+08:00 --at "$2" --json
}
check "filed 30 min after the incident: on time" \
  test "$(file r30 2026-11-22T19:30:00+08:00 | jget 'd["marks"]["late"]')" = False
check "filed 30 min 1 s after: late (迟报)" \
  test "$(file r30s 2026-11-22T19:30:01+08:00 | jget 'd["marks"]["late"]')" = True
r31=$(file r31 2026-11-22T19:31:00+08:00)
check "filed 31 min after: late (迟报)" test "$(echo "$r31" | jget 'd["marks"]["late"]')" = True
id31=$(echo "$r31" | jget 'd["id"]')
check "the same event id again files nothing new" \
  test "$(file r31 2026-11-22T19:31:00+08:00 | jget 'd["id"]')" = "$id31"
check "the report waits for the level above, due 30 min after filing" \
  test "$(w incident show --report "$id31" --json --at 2026-11-22T19:31:00+08:00 | jget 'd["ack_due"] + " " + d["filed_at"]')" = "2026-11-22T20:01:00+08:00 2026-11-22T19:31:00+08:00"
check "not escalated at the end of its window" \
  test "$(w incident show --report "$id31" --json --at 2026-11-22T20:01:00+08:00 | jget 'd["marks"]["escalated"]')" = False
check "escalated one second later" \
  test "$(w incident show --report "$id31" --json --at 2026-11-22T20:01:01+08:00 | jget 'd["marks"]["escalated"]')" = True
w incident ack --report "$id31" --id r31-ack --at 2026-11-22T20:01:01+08:00 >/dev/null
counters() { w incident counters --scope "$station" --json --at "$1"; }
check "the commander's row counts 2 迟报 and 1 late acknowledgement" \
  test "$(counters 2026-11-22T21:00:00+08:00 | jget '[(r["commander"], r["late"], r["ack_late"]) for r in d]')" = "[('王指挥', 2, 1)]"
check "acknowledging twice is refused and changes nothing" \
  bash -c "! '$bin' incident ack --report $id31 --id r31-ack2 --at 2026-11-22T20:05:00+08:00 2>/dev/null"
check "a severity outside 1–4 is refused" \
  bash -c "! '$bin' incident file --kind 其他 --severity 9 --place '$station' --text x --happened $anchor --at $anchor 2>/dev/null"
w incident pass-up --report "$id31" --id r31-up --at 2026-11-22T20:10:00+08:00 >/dev/null
w incident progress --report "$id31" --id r31-p --note 已转运 --at 2026-11-22T20:30:00+08:00 >/dev/null
check "pass-up, progress and the chain of events" \
  test "$(w incident show --report "$id31" --json --at 2026-11-22T20:30:00+08:00 | jget '[e["step"] for e in d["chain"]]')" = "['filed', 'acknowledged', 'passed_up', 'progress']"

# Spot check: the same seed gives the same sample; a finding with no station report is 漏报, then 瞒报.
a=$(w spotcheck draw --scope 河北街道 --households 30 --seed 7 --at "$anchor" --json | jget '[c["household_id"] for c in d["calls"]]')
b=$(w spotcheck draw --scope 河北街道 --households 30 --seed 7 --at "$anchor" --json | jget '[c["household_id"] for c in d["calls"]]')
check "spotcheck draw --seed 7 twice gives the same sample" test "$a" = "$b"
round=$(w spotcheck draw --scope "$station" --households 5 --seed 7 --at "$anchor" --json)
rid=$(echo "$round" | jget 'd["id"]')
hh=$(echo "$round" | jget 'd["calls"][0]["household_id"]')
check "spotcheck draw --json: drawn_at is ISO 8601 with the offset" \
  test "$(echo "$round" | jget 'd["drawn_at"]')" = 2026-11-22T20:00:00+08:00
check "incident list --json: instants are ISO 8601 strings" \
  test "$(w incident list --scope "$station" --json --at 2026-11-22T20:00:00+08:00 | jget 'sorted({r["happened_at"] for r in d if r["id"] == '"$id31"'})')" = "['2026-11-22T19:00:00+08:00']"
check "the call list masks phones" bash -c "echo '$round' | grep -q '\*\*\*\*' && ! echo '$round' | grep -qE '\"[0-9]{11}\"'"
rep=$(w spotcheck record --round "$rid" --household "$hh" --outcome answered --knows-leader no --got-notice yes \
  --problems 邻居发热 --open-kind 疑似病例 --open-severity 1 --happened 2026-11-22T20:00:00+08:00 \
  --at 2026-11-22T20:10:00+08:00 --json | jget 'd["report_id"]')
missed() { counters "$1" | jget 'sum(r["missed"] for r in d)'; }
check "漏报 0 at the end of the allowed delay" test "$(missed 2026-11-22T20:30:00+08:00)" = 0
check "漏报 1 one second after it" test "$(missed 2026-11-22T20:30:01+08:00)" = 1
w incident conceal --report "$rep" --evidence "单元长群聊记录显示19:50已知" --id hid --at 2026-11-22T21:00:00+08:00 >/dev/null
check "a commander's evidence turns it into 瞒报" \
  test "$(counters 2026-11-22T21:00:01+08:00 | jget '[(r["missed"], r["concealed"]) for r in d]')" = "[(0, 1)]"

# The weights lean the sample toward help cases (≥ 2× their share of households).
check "the draw leans toward help cases" python3 - "$WANGGE_DB" "$bin" <<'PY'
import json, sqlite3, subprocess, sys
db, bin = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
total = c.execute("select count(*) from household").fetchone()[0]
help_ids = {r[0] for r in c.execute("select household_id from help_case")}
out = subprocess.run([bin, "spotcheck", "draw", "--scope", "蛟河市", "--households", "400", "--seed", "7",
  "--at", "2026-11-22T20:00:00+08:00", "--json"], capture_output=True, text=True, check=True).stdout
calls = json.loads(out)["calls"]
drawn = sum(1 for x in calls if x["household_id"] in help_ids) / len(calls)
base = len(help_ids) / total
print(f"   help cases: {base:.2%} of households, {drawn:.2%} of the draw")
assert drawn >= 2 * base, (drawn, base)
PY

w supervise group --name 第一督导组 --supervisors 张科长,刘科长 --cadence 7d --at "$anchor" >/dev/null
w supervise assign --group 1 --place 河北街道/水映花城社区 --at "$anchor" >/dev/null
check "supervise list --json: due_at is ISO 8601 (group 1's 2-day cadence after the assignment)" \
  test "$(w supervise list --json --at "$anchor" | jget 'next(r for r in d if "last_contact" not in r)["due_at"]')" = 2026-11-24T20:00:00+08:00
check "a supervision contact is overdue after its cadence" \
  bash -c "'$bin' supervise list --at 2026-11-29T20:00:01+08:00 | grep -q overdue"
check "score ranks the stations with the figures behind each" \
  test "$(w score --scope 水映花城社区 --since 2026-11-22T00:00:00+08:00 --at 2026-11-23T00:00:00+08:00 --json | jget 'next(r for r in d if r["path"].endswith("水映花城小区"))["figures"]["concealed"]')" = 1
check "--explain lists the reports behind the score" \
  bash -c "'$bin' score --scope 水映花城社区 --since 2026-11-22T00:00:00+08:00 --at 2026-11-23T00:00:00+08:00 --explain '$station' | grep -q 瞒报"
printf '{"file_within":{"1":"10m"}}' >"$work/rules.json"
check "--config: a 10-min rule makes a report 15 min after late" \
  test "$(w incident file --config "$work/rules.json" --kind 聚集 --severity 1 --place "$station" --text 聚餐 \
    --happened 2026-11-22T21:00:00+08:00 --at 2026-11-22T21:15:00+08:00 --json | jget 'd["marks"]["late"]')" = True
printf '{"ack_within":{"1":"soon"}}' >"$work/bad.json"
bad_config() {
  local err
  err=$("$bin" score --config "$work/bad.json" --since "$anchor" --at "$anchor" 2>&1 >/dev/null) && return 1
  [[ $err == *'ack_within[1]'* ]]
}
check "a bad config exits non-zero and names the field" bad_config
# The weekly bulletin counts 迟报 / 漏报 / 瞒报 over its own week: a late report filed in 2026-W49 is
# 迟报 1 for its station in W49's bulletin and 0 in W48's (the reports above are all in W47).
w incident file --id w49 --kind 聚集 --severity 1 --place "$station/12号楼" --text 聚集 \
  --happened 2026-12-01T10:00:00+08:00 --at 2026-12-01T10:31:00+08:00 >/dev/null
bulletin_cell() {  # WEEK ROW-NAME COLUMN-HEADER [FORMAT]
  w bulletin --scope "${station%/*}" --week "$1" --at 2026-12-07T12:00:00+08:00 --format markdown |
    python3 -c '
import sys
rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in sys.stdin if l.startswith("|")]
head = rows[0]
print(next(r[head.index(sys.argv[2])] for r in rows[2:] if r[2] == sys.argv[1]))' "$2" "$3"
}
check "bulletin of W49: 迟报 1 for the station that filed late" test "$(bulletin_cell 2026-W49 水映花城小区 迟报)" = 1
check "bulletin of W48: 迟报 0 for it" test "$(bulletin_cell 2026-W48 水映花城小区 迟报)" = 0
check "bulletin of W47: its 瞒报 1 (the concealed spot-check finding)" \
  test "$(bulletin_cell 2026-W47 水映花城小区 瞒报)" = 1
check "bulletin: the commander is named with the week's counts" bash -c \
  "'$bin' bulletin --scope '${station%/*}' --week 2026-W49 --at 2026-12-07T12:00:00+08:00 | grep -qF '追责：水映花城小区（指挥长 王指挥）迟报 1、漏报 0、瞒报 0'"
check "bulletin html carries the counters as columns" bash -c \
  "'$bin' bulletin --scope '${station%/*}' --week 2026-W49 --at 2026-12-07T12:00:00+08:00 --format html | grep -qF '<th>迟报</th><th>漏报</th><th>瞒报</th>'"
check "verify: every rollup matches a recount" w verify

# PostgreSQL with operator roles: a station files and draws within its scope, a commander acknowledges.
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  pgdb="wangge_reports_$tag"
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
  url="${WANGGE_TEST_POSTGRES%/*}/$pgdb"
  if "$bin" demo --db "$url" --anchor "$anchor" >/dev/null 2>&1; then
    "$bin" operator add "st_$tag" --role station --scope "$station" --db "$url" --at "$anchor" >/dev/null
    "$bin" operator add "cm_$tag" --role commander --scope 蛟河市 --db "$url" --at "$anchor" >/dev/null
    st() { PGUSER="st_$tag" "$bin" "$@" --db "${url/:\/\/postgres@/://st_$tag@}"; }
    cm() { PGUSER="cm_$tag" "$bin" "$@" --db "${url/:\/\/postgres@/://cm_$tag@}"; }
    pid=$(st incident file --kind 聚集 --severity 2 --place "$station/12号楼" --text 聚集 --happened "$anchor" \
      --at 2026-11-22T20:10:00+08:00 --id pg-1 --json | jget 'd["id"]')
    check "postgres: a station files a report in its scope" test -n "$pid"
    check "postgres: … and not outside it" bash -c "! PGUSER=st_$tag '$bin' incident file --db '${url/:\/\/postgres@/://st_$tag@}' --kind 其他 --severity 4 --place 长安街道 --text x --happened $anchor --at $anchor 2>/dev/null"
    check "postgres: a station draws a spot check with masked phones" \
      bash -c "PGUSER=st_$tag '$bin' spotcheck draw --db '${url/:\/\/postgres@/://st_$tag@}' --scope '$station' --households 3 --seed 7 --at $anchor | grep -q '\*\*\*\*'"
    check "postgres: a commander acknowledges it" \
      test "$(cm incident ack --report "$pid" --id pg-1-ack --at 2026-11-22T20:20:00+08:00 --json | jget 'd["phase"]')" = acknowledged
    hid=$(cm incident file --kind 聚集 --severity 2 --place "$station/12号楼" --text 热线 --happened "$anchor" \
      --source hotline --at 2026-11-22T20:30:00+08:00 --id pg-2 --json | jget 'd["id"]')
    conceal_refused() {
      local err
      err=$(st incident conceal --report "$hid" --evidence 群聊记录已知 --id pg-2-c --at 2026-11-22T21:30:00+08:00 2>&1 >/dev/null) && return 1
      [[ $err == *"st_$tag is a station and may not mark-concealed (needs commander or above)"* ]]
    }
    check "postgres: a station may not mark a report concealed (its own permission), with the reason" conceal_refused
    check "postgres: … and the report is not concealed" \
      test "$(cm incident show --report "$hid" --json --at 2026-11-22T21:30:00+08:00 | jget 'd["marks"]["concealed"]')" = False
    check "postgres: a commander marks it concealed (瞒报)" \
      test "$(cm incident conceal --report "$hid" --evidence 群聊记录已知 --id pg-2-c --at 2026-11-22T21:30:00+08:00 --json | jget 'd["marks"]["concealed"]')" = True
    check "postgres: verify" quietly "$bin" verify --db "$url"
  else
    check "postgres: demo" false
  fi
fi
finish
