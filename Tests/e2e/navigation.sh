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

# y copies the visible table: OSC 52 goes to the terminal (in the raw bytes); inside tmux (not known
# to take OSC 52) an owner-only TSV file is written too and named in the message.
copies="$work/copies"
mkdir -p "$copies"
term_start 160 40 "env TERM=xterm-256color LANG=zh_CN.UTF-8 TMPDIR=$copies $bin board --db $db --path $compound --view station --start-at $anchor"
check "the board opens on the compound's station" wait_for "单元长"
keys /
keys -l zxp
keys Enter
check "/zxp finds 曾晓平 by pinyin initials in the leader column" wait_for "曾晓平"
check "… and the filtered list's title says 1/1" wait_for "· 1/1"
keys Escape
check "Esc clears the filter (all units again)" bash -c "for _ in \$(seq 50); do tmux -S '$socket' capture-pane -p -t t | grep -qF '· 1/53' && exit 0; sleep 0.1; done; exit 1"
keys y
check "y says where the copy went (a file in TMPDIR)" wait_for "另存为 $copies/wangge-station-"
file=$(ls "$copies"/wangge-station-*.tsv 2>/dev/null | head -1)
check "the TSV file is owner-only (0600)" test "$(stat -c %a "$file" 2>/dev/null)" = 600
check "its header is tab-separated" bash -c "head -1 '$file' | grep -qP '\t'"
check "no phone number is unmasked in it" bash -c "! grep -qE '[0-9]{11}' '$file'"
check "the OSC 52 sequence reached the terminal" bash -c "grep -qaF \$'\e]52;c;' '$work/raw.bin'"
payload=$(python3 -c '
import re, sys, base64
raw = open(sys.argv[1], "rb").read()
m = re.search(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", raw)
print(base64.b64decode(m.group(1)).decode() if m else "", end="")' "$work/raw.bin")
check "the clipboard text is the file's text" test "$payload" = "$(cat "$file")"
keys q
check "q quits cleanly after copying" clean_exit
finish
