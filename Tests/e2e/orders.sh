#!/usr/bin/env bash
# End-to-end: a service order opened, claimed and closed from the board (o, c, x) in tmux and its
# times in `order list --json`; an unclaimed order overdue at the second after its claim deadline in
# every ancestor; two processes claiming one order (one wins, the other is told who has it); a green
# channel escalating at its response deadline, shown in the header until it is taken.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
at() { date -d "@$(($(date -d "$anchor" +%s) + $1))" +%Y-%m-%dT%H:%M:%S%:z; }  # at SECONDS-AFTER-ANCHOR
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
# A household of one unit, the unit's path and every ancestor's path.
read -r household unit < <(sqlite3 -separator ' ' "$db" "SELECT id, unit_id FROM household ORDER BY id LIMIT 1")
path=$(sqlite3 "$db" "WITH RECURSIVE up(id, parent_id, name, d) AS (SELECT id, parent_id, name, 0 FROM place WHERE id = $unit
  UNION ALL SELECT p.id, p.parent_id, p.name, up.d + 1 FROM place p JOIN up ON p.id = up.parent_id)
  SELECT group_concat(name, '/') FROM (SELECT name FROM up WHERE parent_id IS NOT NULL ORDER BY d DESC)")
IFS=/ read -r -a parts <<<"$path"
scopes=()
for i in "${!parts[@]}"; do scopes+=("$(IFS=/; echo "${parts[*]:0:$((i + 1))}")"); done

term_start 160 40 "env TERM=xterm-256color $bin board --db $db --operator 值班员 --path $path --start-at $anchor"
wait_for "[住户]"
keys o
check "o opens the command line filled in for the household" wait_for ":order 代购"
keys -l "米 油"
keys Enter
check "Enter opens the order" wait_for "已开工单"
keys 4
check "4 shows the 工单 view with the order, unclaimed" wait_for "待领 1"
keys c
keys -l "李红"
keys Enter
check "c claims it for the named volunteer" wait_for "李红 已领单"
keys x
check "x fills in the close command" wait_for ":close 已送达"
keys Enter
check "x closes it (已送达)" wait_for "已结单 board-"
keys q
check "the board quits cleanly" clean_exit

json=$("$bin" order list --db "$db" --scope "$path" --json --at "$(at 3600)")
check "order list --json shows opened, claimed and closed times and the volunteer" python3 -c "
import json, sys
o = [o for o in json.loads(sys.argv[1])['orders'] if o['id'].startswith('board-')][0]
assert o['state'] == 'closed' and o['claimed_by'] == '李红' and o['outcome'] == 'delivered', o
assert o['opened_at'] <= o['claimed_at'] <= o['closed_at'], o" "$json"

# Unclaimed: overdue from the second after its claim deadline (30 min), in the unit and every ancestor.
"$bin" order open --db "$db" --household "$household" --kind 送药 --items 降压药 --claim-within 30m --id e2e-late --at "$(at 7200)" >/dev/null
overdue() { "$bin" order list --db "$db" --scope "$1" --json --at "$2" | python3 -c "import json,sys; print(json.load(sys.stdin)['overdue'])"; }
for s in "${scopes[@]}"; do
  before=$(overdue "$s" "$(at $((7200 + 1800)))")
  after=$(overdue "$s" "$(at $((7200 + 1801)))")
  check "overdue in $s: $before at the deadline second, $after one second later" test "$after" = "$((before + 1))"
done

# Two processes claim the same order at once: exactly one wins, the other names the holder.
"$bin" order claim e2e-late --db "$db" --volunteer 张伟 --at "$(at 7300)" >"$work/a.out" 2>"$work/a.err" &
"$bin" order claim e2e-late --db "$db" --volunteer 刘芳 --at "$(at 7300)" >"$work/b.out" 2>"$work/b.err" &
wait %1; ra=$?
wait %2; rb=$?
check "exactly one of two concurrent claims wins ($ra, $rb)" test $((ra + rb)) = 1
holder=$(sqlite3 "$db" "SELECT claimed_by FROM service_order WHERE id = 'e2e-late'")
check "the other is told who has it ($holder)" grep -qF "already claimed by $holder" "$work/a.err" "$work/b.err"

# The demo's green flags have handled channels: two untaken and overdue at the anchor, every flag
# with an unresolved channel. They are taken here so that only this script's channel is counted below.
demo_green=$("$bin" green list --db "$db" --json --at "$anchor" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['untaken'], d['overdue'], ' '.join(c['id'] for c in d['channels'] if c['state'] == 'open'))")
read -r g_untaken g_overdue g_ids <<<"$demo_green"
flags=$(sqlite3 "$db" "SELECT count(*) FROM help_case WHERE green = 1")
unresolved=$(sqlite3 "$db" "SELECT count(DISTINCT household_id) FROM green_channel WHERE state <> 'resolved'")
check "the demo has untaken, overdue green channels ($g_untaken, $g_overdue) and one for every flag ($flags = $unresolved)" \
  test "$g_untaken" -ge 1 -a "$g_overdue" = "$g_untaken" -a "$flags" = "$unresolved"
for g in $g_ids; do "$bin" green take "$g" --db "$db" --by 值班员 --at "$(at 10000)" >/dev/null; done

# A green channel: escalates at its response deadline (15 min), in the header until it is taken.
"$bin" green open --db "$db" --household "$household" --kind 断药 --id e2e-green --at "$(at 10800)" >/dev/null
level() { "$bin" green list --db "$db" --scope "$1" --json --at "$2" | python3 -c "import json,sys; print(json.load(sys.stdin)['escalation'])"; }
check "not escalated at the deadline second" test "$(level "$path" "$(at $((10800 + 900)))")" = volunteer
for s in "${scopes[@]}"; do
  check "escalated to the station one second later in $s" test "$(level "$s" "$(at $((10800 + 901)))")" = station
done
community=$(IFS=/; echo "${parts[*]:0:2}")
term_start 160 40 "env TERM=xterm-256color $bin board --db $db --operator 值班员 --path $community --start-at $(at $((10800 + 47 * 60)))"
check "the header of a board above it shows the untaken channel" wait_for "‼ 绿色通道 1 · 最久 47 分"
"$bin" green take e2e-green --db "$db" --by 王站长 --at "$(at $((10800 + 48 * 60)))" >/dev/null
check "taking it clears the header within one refresh" bash -c "for i in \$(seq 30); do tmux -S '$socket' capture-pane -p -t t | grep -qF '绿色通道 1 ·' || exit 0; sleep 0.1; done; exit 1"
keys q
clean_exit >/dev/null
check "verify recounts every rollup" "$bin" verify --db "$db"
finish
