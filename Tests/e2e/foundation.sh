#!/usr/bin/env bash
# End-to-end: demo → report → ingest → verify through the real binary and a real SQLite file.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00

"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >"$work/demo.out"
check "demo creates the store with mode 0600" test "$(stat -c %a "$db")" = 600
"$bin" report --db "$db" --json --at "$anchor" >"$work/report.json"
check "report --json shows the Jiaohe totals" python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
levels = {l["level"]: l["count"] for l in r["levels"]}
want = {"街道": 3, "社区": 19, "居民委": 145, "楼栋": 1165, "单元": 4868}
assert all(levels[k] == v for k, v in want.items()), levels
assert (t["households"], t["units"], t["unit_leaders"]) == (65196, 4868, 4827), t
assert [c["name"] for c in r["children"]] == ["长安街道", "民主街道", "河北街道"]
assert sum(c["figures"]["households"] for c in r["children"]) == 65196
assert 0 < t["response_rate"] < 1 and 0 < t["coverage_rate"] < 1
PY
check "verify finds no mismatch" "$bin" verify --db "$db"
check "every root figure equals a from-scratch recount" python3 "$here/../../scripts/recount-scope.py" "$db" "$work/report.json"
"$bin" report --db "$db" --json --at "$anchor" --scope 河北街道/水映花城社区 >"$work/community.json"
check "a community's figures equal a from-scratch recount" python3 "$here/../../scripts/recount-scope.py" "$db" "$work/community.json"
check "--scope resolves the documented example path" "$bin" report --db "$db" --at "$anchor" --scope 河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼
"$bin" report --db "$db" --at "$anchor" --scope 河北街道/没有这个社区 2>"$work/err" >/dev/null
check "an unknown scope exits 1 and names what exists" grep -q '河北街道" has no "没有这个社区"; it has 水映花城社区' "$work/err"

# Events: 2,500 acknowledgements of pending assignments of the latest task, in batches of 1,000.
sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id = 6 AND acked_at IS NULL LIMIT 2500" |
  awk '{printf "{\"id\":\"e2e-%d\",\"type\":\"ack\",\"task\":6,\"unit\":%d,\"at\":\"2026-11-22T19:30:00+08:00\"}\n", NR, $1}' >"$work/acks.jsonl"
pending=$(wc -l <"$work/acks.jsonl")
check "the demo leaves enough pending assignments to test with ($pending)" test "$pending" -ge 600
head -n 3 "$work/acks.jsonl" >"$work/small.jsonl"
"$bin" ingest "$work/small.jsonl" --db "$db" >"$work/out1"
check "ingest applies three events" grep -q "applied 3, already present 0" "$work/out1"
"$bin" ingest "$work/small.jsonl" --db "$db" >"$work/out2"
check "re-running the same file is a no-op" grep -q "applied 0, already present 3" "$work/out2"

# A bad line in the middle: earlier batches stay, its batch is not applied, nothing else changes.
before=$(sqlite3 "$db" .dump | sha256sum)
{
  sed -n '4,5p' "$work/acks.jsonl"
  echo '{"id":"bad-1","type":"ack","task":6,"unit":999999999,"at":"2026-11-22T19:30:00+08:00"}'
} >"$work/bad.jsonl"
"$bin" ingest "$work/bad.jsonl" --db "$db" >/dev/null 2>"$work/err"
status=$?
check "a bad event exits non-zero" test $status -ne 0
check "the error names FILE:LINE: field" grep -q "bad.jsonl:3: unit: no unit has id 999999999" "$work/err"
check "the rejected batch left the store unchanged" test "$(sqlite3 "$db" .dump | sha256sum)" = "$before"
printf '{"id":"x","type":"ack","task":6}\n' >"$work/bad2.jsonl"
"$bin" ingest "$work/bad2.jsonl" --db "$db" >/dev/null 2>"$work/err"
check "a missing field is named with its fix" grep -q 'bad2.jsonl:1: at: missing; add an ISO 8601 time' "$work/err"

n=$(wc -l <"$work/acks.jsonl")
mid=$((n > 2100 ? 2100 : n - 50))
{
  head -n $((mid - 1)) "$work/acks.jsonl"
  echo 'not json at all'
  tail -n +$((mid + 1)) "$work/acks.jsonl"
} >"$work/mixed.jsonl"
events_before=$(sqlite3 "$db" "SELECT count(*) FROM event")
"$bin" ingest "$work/mixed.jsonl" --db "$db" --batch 1000 >/dev/null 2>"$work/err"
check "a bad line is reported with its line number" grep -q "mixed.jsonl:$mid: line: not a JSON object" "$work/err"
events_after=$(sqlite3 "$db" "SELECT count(*) FROM event")
full_batches=$(((mid - 1) / 1000 * 1000))
already=3
check "whole batches before the bad line stay ($full_batches lines)" test $((events_after - events_before)) -eq $((full_batches - already))
check "verify still finds no mismatch" "$bin" verify --db "$db"
"$bin" report --db "$db" --json --at 2026-11-22T23:30:00+08:00 >"$work/after.json"
check "after ingest, figures still equal a recount" python3 "$here/../../scripts/recount-scope.py" "$db" "$work/after.json"

# Default store location: $WANGGE_DB, then $XDG_DATA_HOME/wangge/.
XDG_DATA_HOME="$work/xdg" "$bin" report >/dev/null 2>"$work/err"
check "without a store, report says how to create one" grep -q "wangge demo --preset jiaohe" "$work/err"
WANGGE_DB="$db" "$bin" report --scope 长安街道 --at "$anchor" >"$work/env.out"
check "WANGGE_DB selects the store" grep -q "长安街道（街道）" "$work/env.out"
finish
