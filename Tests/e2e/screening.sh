#!/usr/bin/env bash
# End-to-end (issue 16): a screening finish with one returnee and one person to isolate moves the task's
# totals by exactly those numbers and opens a case with the right end date; its missed check is overdue
# from the second its window closes (±1 s) at the root; a symptom reaches the green-channel count;
# a household of another unit is refused with the field named and nothing changes; verify agrees.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
unit=$(sqlite3 "$db" "SELECT a.unit_id FROM assignment a WHERE a.task_id = 6 AND a.finished_at IS NULL
  AND EXISTS (SELECT 1 FROM household h WHERE h.unit_id = a.unit_id) ORDER BY a.unit_id LIMIT 1")
hh=$(sqlite3 "$db" "SELECT id FROM household WHERE unit_id = $unit ORDER BY id LIMIT 1")
other=$(sqlite3 "$db" "SELECT id FROM household WHERE unit_id <> $unit ORDER BY id LIMIT 1")
at=2026-11-22T19:00:00+08:00

field() {  # field JSONFILE python-expression-on-j
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"
}
task6='[t for t in j["tasks"] if t["id"] == 6][0]["screening"]'

# The fresh demo holds isolation cases, some of them overdue, and every rollup agrees.
"$bin" report --json --db "$db" --at "$anchor" >"$work/demo.json"
check "the demo has isolation cases ($(field "$work/demo.json" 'j["isolation"]["active"]') active)" \
  test "$(field "$work/demo.json" 'j["isolation"]["active"]')" -gt 100
check "some demo cases are overdue ($(field "$work/demo.json" 'j["isolation"]["overdue"]'))" \
  test "$(field "$work/demo.json" 'j["isolation"]["overdue"]')" -gt 0
check "the demo has returnees and expected arrivals" \
  test "$(field "$work/demo.json" 'min(j["isolation"]["returnees"], j["isolation"]["expected"])')" -gt 0
check "verify agrees with the fresh demo" "$bin" verify --db "$db"
"$bin" report --json --db "$db" --at "$at" >"$work/before.json"
result='{"checked":12,"returnees":[{"household":'$hh',"name":"张伟","from":"山东临沂","arrived":"2026-11-21"}],
"isolate":[{"household":'$hh',"name":"张伟","risk":"high"}],"problems":["3户联系不上"]}'

# A household of another unit: refused, naming the field; nothing changes.
"$bin" done --db "$db" --task 6 --unit "$unit" --at "$at" \
  --result "${result//\"household\":$hh,\"name\":\"张伟\",\"from\"/\"household\":$other,\"name\":\"张伟\",\"from\"}" \
  >"$work/out" 2>&1
rc=$?
check "a household of another unit is refused (rc $rc)" test $rc -ne 0
check "the message names the field and the fix" grep -q "result.returnees\[0\].household.*give a household of this unit" "$work/out"
"$bin" report --json --db "$db" --at "$at" >"$work/same.json"
check "nothing changed after the refusal" test "$(field "$work/same.json" "$task6")" = "$(field "$work/before.json" "$task6")"

check "done --result is applied" "$bin" done --db "$db" --task 6 --unit "$unit" --at "$at" --result "$result"
"$bin" report --json --db "$db" --at "$at" >"$work/after.json"
for k in households_checked:12 returnees:1 to_isolate:1 problems:1; do
  name=${k%%:*} by=${k##*:}
  b=$(field "$work/before.json" "$task6[\"$name\"]")
  a=$(field "$work/after.json" "$task6[\"$name\"]")
  check "task 6 $name moved by exactly $by ($b → $a)" test $((a - b)) -eq "$by"
done
"$bin" isolation list --json --limit 10000 --db "$db" --at "$at" | grep "\"household\":$hh," >"$work/cases"
check "the case ends 14 days after the arrival day (2026-12-05)" grep -q '"ends":"2026-12-05"' "$work/cases"
case_id=$(python3 -c "import json,sys; print([json.loads(l) for l in open(sys.argv[1]) if '\"2026-12-05\"' in l][0]['case'])" "$work/cases")

# Checked twice a day: the first check is due 12 h after the finish was recorded, 2026-11-23T07:00:00+08:00.
over() { "$bin" report --json --db "$db" --at "$1" | python3 -c "import json,sys; print(json.load(sys.stdin)['isolation']['overdue'])"; }
base=$(over 2026-11-23T06:59:59+08:00)
check "not overdue a second before the window closes" test "$(over 2026-11-23T07:00:00+08:00)" -eq "$base"
check "overdue a second after the window closes" test "$(over 2026-11-23T07:00:01+08:00)" -eq $((base + 1))

green() { "$bin" report --json --db "$db" --at "$1" | python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['green_channel_open'])"; }
g0=$(green 2026-11-22T21:00:00+08:00)
check "a check with symptoms is recorded" "$bin" isolation check --db "$db" --case "$case_id" --temperature 38.4 --at 2026-11-22T21:00:00+08:00
check "the symptom is in the green-channel count ($g0 → +1)" test "$(green 2026-11-22T21:00:00+08:00)" -eq $((g0 + 1))
check "releasing before the end day is refused" bash -c "! '$bin' isolation close --db '$db' --case $case_id --at 2026-11-23T08:00:00+08:00 2>/dev/null"
check "verify agrees with every rollup" "$bin" verify --db "$db"

# The board: f on an assignment of the task detail records the finish with its result (tmux).
source "$here/tmux.bash"
unit2=$(sqlite3 "$db" "SELECT a.unit_id FROM assignment a WHERE a.task_id = 6 AND a.finished_at IS NULL AND a.unit_id <> $unit
  AND (SELECT count(*) FROM household h WHERE h.unit_id = a.unit_id) >= 2 ORDER BY a.unit_id LIMIT 1")
room2=$(sqlite3 "$db" "SELECT room FROM household WHERE unit_id = $unit2 ORDER BY id LIMIT 1")
path2=$(sqlite3 "$db" "WITH RECURSIVE up(id, parent_id, name, depth) AS (
    SELECT id, parent_id, name, depth FROM place WHERE id = $unit2
    UNION ALL SELECT p.id, p.parent_id, p.name, p.depth FROM place p JOIN up ON p.id = up.parent_id)
  SELECT group_concat(name, '/') FROM (SELECT name FROM up WHERE depth > 0 ORDER BY depth)")
"$bin" report --json --db "$db" --at "$at" >"$work/board-before.json"
term_start 160 48 "env TERM=xterm-256color $bin board --db $db --operator 值班员 --path '$path2' --view tasks --start-at $at"
wait_for "任务" 10
keys Enter
check "the task detail opens on the unit's assignment" wait_for "任务详情" 5
keys f
check "f opens the result form" wait_for "排查结果" 5
keys -l "7"
keys Tab
keys -l "$room2 王强 吉林珲春"
keys Tab
keys -l "$room2 王强 高"
keys Tab
keys -l "门锁未装"
keys Enter
check "the board confirms the result" wait_for "已记录" 5
check "the task detail shows the screening line" wait_for "需隔离" 5
keys q
check "the board quits cleanly" clean_exit
"$bin" report --json --db "$db" --at "$at" >"$work/board-after.json"
check "the form's finish moved task 6's totals by 7 households, 1 returnee, 1 to isolate, 1 problem" python3 -c "
import json,sys
a=[t for t in json.load(open(sys.argv[1]))['tasks'] if t['id']==6][0]['screening']
b=[t for t in json.load(open(sys.argv[2]))['tasks'] if t['id']==6][0]['screening']
sys.exit(0 if tuple(b[k]-a[k] for k in ('households_checked','returnees','to_isolate','problems')) == (7,1,1,1) else 1)
" "$work/board-before.json" "$work/board-after.json"
check "an isolation case for the board's person exists" bash -c "sqlite3 '$db' \"SELECT count(*) FROM isolation_case WHERE unit_id = $unit2 AND name = '王强'\" | grep -qx 1"
check "verify agrees after the board's finish" "$bin" verify --db "$db"
finish
