#!/usr/bin/env bash
# End-to-end: a meeting decision that becomes a task (`decision add --task`) dispatches it to the
# decision's scope with the given windows; finishing its units moves the decision's state in
# `decision list` and in the brief; an order decision opens the order and follows it to 工单已结;
# an order for a household outside the scope is refused naming --household, with the store unchanged.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
db="$work/d.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
"$bin" baseline mark --db "$db" --name 早例会 --at $anchor >/dev/null
read -r cid street community <<<"$(sqlite3 -separator ' ' "$db" "SELECT c.id, s.name, c.name FROM place c JOIN place s ON s.id = c.parent_id WHERE c.depth = 2 ORDER BY c.id LIMIT 1")"
scope="$street/$community"
units=$(sqlite3 "$db" "SELECT units FROM place_stats WHERE place_id = $cid")
tasks_before=$(sqlite3 "$db" "SELECT count(*) FROM task")

"$bin" decision add --db "$db" --scope "$scope" --text 明早8点前全员排查 --owner 第一书记 --task 排查 \
  --ack-within 2h --finish-within 12h --operator 站长 --at $anchor >"$work/add.txt"
task=$(sqlite3 "$db" "SELECT task_id FROM decision WHERE text = '明早8点前全员排查'")
check "decision add --task prints the task it dispatched" grep -q "→ 任务#$task" "$work/add.txt"
check "the task went to the decision's scope as a screening" test "$(sqlite3 "$db" "SELECT scope_id, type, title FROM task WHERE id = $task")" = "$cid|screening|明早8点前全员排查"
check "with the windows given (2h to acknowledge, 12h to finish)" test "$(sqlite3 "$db" "SELECT ack_within, finish_within FROM task WHERE id = $task")" = "7200|43200"
check "one assignment per unit under the scope ($units)" test "$(sqlite3 "$db" "SELECT count(*) FROM assignment WHERE task_id = $task")" = "$units"
check "the decision's due is the task's finish deadline" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at $anchor | grep -q \$'\t11-23 08:00\t'"
check "decision list shows 进行中 0/$units" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at $anchor | grep -q \"进行中 0/$units 单元已完成\"\$'\t'任务#$task"

sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id = $task ORDER BY unit_id LIMIT 3" |
  awk -v t="$task" '{printf "{\"id\":\"e2e-d-%s\",\"type\":\"done\",\"task\":%s,\"unit\":%s,\"at\":\"2026-11-22T21:00:00+08:00\"}\n",$1,t,$1}' >"$work/three.jsonl"
"$bin" ingest "$work/three.jsonl" --db "$db" >/dev/null
at=2026-11-22T21:30:00+08:00
check "three finished units: decision list shows 进行中 3/$units" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at $at | grep -q \"进行中 3/$units 单元已完成\""
check "and so does the brief's decisions section" bash -c "'$bin' brief --db '$db' --scope '$scope' --at $at | grep -A3 '【例会决定】' | grep -q \"明早8点前全员排查（第一书记 · 11-23 08:00前）进行中 3/$units 单元已完成 任务#$task\""
sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id = $task AND finished_at IS NULL" |
  awk -v t="$task" '{printf "{\"id\":\"e2e-d-%s\",\"type\":\"done\",\"task\":%s,\"unit\":%s,\"at\":\"2026-11-22T22:00:00+08:00\"}\n",$1,t,$1}' >"$work/rest.jsonl"
"$bin" ingest "$work/rest.jsonl" --db "$db" >/dev/null
at=2026-11-22T22:30:00+08:00
check "every unit finished: decision list shows done 已完成 $units/$units" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at $at | grep -qP \"^#1\tdone\t.*已完成 $units/$units 单元\""
check "and the brief says 已完成" bash -c "'$bin' brief --db '$db' --scope '$scope' --at $at | grep -q \"明早8点前全员排查.*已完成 $units/$units 单元\""

inside=$(sqlite3 "$db" "WITH RECURSIVE t(id) AS (SELECT $cid UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id) SELECT h.id FROM household h WHERE h.unit_id IN (SELECT id FROM t) ORDER BY h.id LIMIT 1")
outside=$(sqlite3 "$db" "WITH RECURSIVE t(id) AS (SELECT $cid UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id) SELECT h.id FROM household h WHERE h.unit_id NOT IN (SELECT id FROM t) ORDER BY h.id LIMIT 1")
orders_before=$(sqlite3 "$db" "SELECT count(*) FROM service_order")
decisions_before=$(sqlite3 "$db" "SELECT count(*) FROM decision")
check "an order decision for a household outside the scope is refused naming --household" bash -c "! '$bin' decision add --db '$db' --scope '$scope' --text 送药 --owner 楼长 --order medicine --household $outside --at $at 2>'$work/err' && grep -q -- '--household $outside: lives in .*outside the decision' '$work/err'"
check "and leaves no order and no decision" test "$(sqlite3 "$db" "SELECT count(*) FROM service_order"),$(sqlite3 "$db" "SELECT count(*) FROM decision")" = "$orders_before,$decisions_before"
check "--task and --order together are refused" bash -c "! '$bin' decision add --db '$db' --scope '$scope' --text x --owner y --task notice --order medicine --household $inside --at $at 2>'$work/err2' && grep -q 'give only one' '$work/err2'"
"$bin" decision add --db "$db" --scope "$scope" --text 给独居老人送药 --owner 楼长 --order medicine --household "$inside" --items 降压药 --at $at >"$work/order.txt"
order=$(sqlite3 "$db" "SELECT order_id FROM decision WHERE text = '给独居老人送药'")
check "an order decision opens the order" test "$(sqlite3 "$db" "SELECT household_id, kind, items, state FROM service_order WHERE id = '$order'")" = "$inside|medicine|降压药|open"
check "decision list shows it 工单待领" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at $at | grep -q \"进行中 工单待领\"\$'\t'工单#$order"
"$bin" order claim "$order" --volunteer 张三 --db "$db" --at 2026-11-22T22:40:00+08:00 >/dev/null
"$bin" order close "$order" --outcome 已送达 --by 张三 --db "$db" --at 2026-11-22T23:00:00+08:00 >/dev/null
check "closing the order shows 工单已结（已送达）in decision list and the brief" bash -c "'$bin' decision list --db '$db' --scope '$scope' --at 2026-11-22T23:10:00+08:00 | grep -q '工单已结（已送达）' && '$bin' brief --db '$db' --scope '$scope' --at 2026-11-22T23:10:00+08:00 | grep -q '给独居老人送药.*工单已结（已送达）'"
check "a task type the dispatcher does not know is refused naming --task" bash -c "! '$bin' decision add --db '$db' --scope '$scope' --text x --owner y --task 扫楼 --at $at 2>'$work/err3' && grep -q -- '--task \"扫楼\"' '$work/err3'"
check "tasks: exactly one more than before" test "$(sqlite3 "$db" "SELECT count(*) FROM task")" = $((tasks_before + 1))
check "verify finds nothing wrong" "$bin" verify --db "$db"
finish
