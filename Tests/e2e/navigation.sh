#!/usr/bin/env bash
# End-to-end: Esc is "back", not "up": in a real terminal (tmux), the task detail → Enter on a unit →
# Esc lands on the task detail with the same row selected; Esc again returns to the task list;
# ← goes up one level; a key that does nothing here says why; [ looks back an hour and . returns
# to live; F10 quits cleanly.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
compound=河北街道/水映花城社区/水映花城居民委/水映花城小区
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null

# The selected row of the primary table: among the lines of a box (starting with │), the one whose
# first background colour is neither the table header's (the first such line) nor the common one.
selected() {
  tm capture-pane -e -p -t t | python3 -c '
import collections, re, sys
rows = []
for line in sys.stdin.read().splitlines():
    plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
    m = re.search(r"\x1b\[[0-9;]*48;([0-9;]+)m", line)
    if plain.startswith("│") and m:
        rows.append((m.group(1), " ".join(plain.split())))
common = collections.Counter(bg for bg, _ in rows).most_common(1)[0][0] if rows else None
print(next((text for bg, text in rows[1:] if bg not in (common, rows[0][0])), ""))'
}

term_start 120 36 "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --path $compound --view tasks --start-at $anchor"
check "the board opens on the compound's tasks" wait_for "任务 · "
keys Enter
check "Enter opens the task detail" wait_for "按指挥部分组"
keys Down Down Down Down
sleep 0.3
before=$(selected)
check "a row of the task detail is selected" test -n "$before"
keys Enter
check "Enter on the row opens the unit's households" wait_for "住户 · "
keys Escape
check "Esc lands back on the task detail" wait_for "按指挥部分组"
sleep 0.3
after=$(selected)
check "with the same row selected ($before)" test "$before" = "$after"
keys Escape
check "Esc again returns to the task list" wait_for "近 7 天"
keys Left
check "← goes up one level (水映花城居民委)" wait_for "水映花城居民委 ›" 
keys r
check "r on the places says to reach the action queue" wait_for "先按 a 进入待办"
keys a
check "a moves the cursor to the action queue" wait_for "待办：Enter 进入单元"
keys Down r
check "r on an overdue action asks to confirm" wait_for "确认提醒"
keys Escape
keys "["
check "[ steps the board's clock back an hour (回看 in the header)" wait_for "回看 11-22 19:00"
keys d
check "… read-only: d says so" wait_for "只读"
keys "."
check ". returns to live (the drill clock again)" wait_for "演练时钟"
keys F10
check "F10 quits with status 0 and a usable terminal" clean_exit
finish
