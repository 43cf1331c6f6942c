#!/usr/bin/env bash
# End-to-end: `wangge gallery` in a real terminal (tmux): aligned Chinese columns, resizing down to
# the too-small screen and back, NO_COLOR, bytes written per frame, and a clean exit on `q`.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"

start() {  # start WIDTH HEIGHT ENV... -- GALLERY ARGS...
  local width=$1 height=$2
  shift 2
  local env=()
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  term_start "$width" "$height" "env TERM=xterm-256color ${env[*]} $bin gallery $*"
  wait_for "网格 Wangge"
}

# Every table row puts its columns at the same display column (wide characters count two).
aligned() {
  screen >"$work/screen.txt"
  python3 - "$work/screen.txt" <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
left = [l[: l.index("│", 1) + 1] for l in lines if l.startswith("│") and "│" in l[1:]]
rows = [l for l in left if "%" in l]
assert len(rows) >= 8, rows
ends = {width(r[: r.index("%") + 1]) for r in rows}  # the rate column's right edge
borders = {width(r) for r in rows}  # the table's right border
assert len(ends) == 1 and len(borders) <= 1, (ends, borders)
assert any(any(unicodedata.east_asian_width(c) == "W" for c in r) for r in rows)
PY
}

start 100 30 -- --lang zh
check "gallery at 100x30 shows the community table in Chinese" wait_for "协作路社区"
check "Chinese and Latin columns line up to the display column" aligned
tm resize-window -t t -x 20 -y 6
check "at 20x6 the too-small screen names the size needed and the size there is" wait_for "20×6"
screen >"$work/small.txt"
check "the too-small message is in Chinese" grep -q "终端太小" "$work/small.txt"
tm resize-window -t t -x 60 -y 12
sleep 0.5
tm resize-window -t t -x 100 -y 30
check "back at 100x30 the table returns" wait_for "协作路社区"
check "and it is still aligned after the resizes" aligned
keys q
check "q quits with exit status 0 and the terminal is back in cooked mode with echo" clean_exit
screen >"$work/after.txt"
check "the alternate screen is gone (no gallery left on screen)" bash -c "! grep -q 协作路社区 '$work/after.txt'"

start 100 30 NO_COLOR=1 -- --lang en
keys q
wait_for "EXITED:0"
check "NO_COLOR=1: no colour escape sequences (SGR 30-49, 90-107, 38/48)" python3 - "$work/raw.bin" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
assert len(data) > 1000, len(data)
colour = [m for m in re.findall(rb"\x1b\[([0-9;]*)m", data)
          if any(p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107) for p in m.split(b";"))]
assert not colour, colour[:5]
PY

# Bytes per frame at 160x48: the first full frame, one changed cell (`.`), and a full repaint (Ctrl-L).
start 160 48 -- --lang zh
settle
full=$(bytes)
keys .
settle "$full"
one=$(($(bytes) - full))
before=$(bytes)
keys C-l
settle "$before"
repaint=$(($(bytes) - before))
echo "bytes at 160x48: first frame $full, one changed cell $one, full repaint $repaint"
check "one changed cell costs under 64 bytes ($one)" test "$one" -gt 0 -a "$one" -lt 64
check "a full repaint costs over 50 times more ($repaint)" test "$repaint" -gt $((one * 50))
keys q
wait_for "EXITED:0"
finish
