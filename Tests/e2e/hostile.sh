#!/usr/bin/env bash
# End-to-end: the board and the text commands against a hostile terminal and hostile data.
# (a) A resize storm: at least 200 resizes within 2 s, tiny sizes included; the board still answers
#     keys, shows a correct screen, and `q` exits 0 with the terminal restored.
# (b) A Jiaohe store whose places, leaders, households and a department are renamed (raw SQL) to
#     names holding ESC sequences, BEL, OSC title sets, C1 controls, U+202E, flags, a ZWJ family and
#     a 5,000-character name: drilled into, filtered with `/`, opened with Enter, help `?`. Nothing
#     of ours leaks (no raw sequence in the bytes the board wrote, the window title unchanged), every
#     line fits the pane and boxed lines end at its right edge, and `report`/`tasks` print no raw
#     control byte.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
anchor=2026-11-22T20:00:00+08:00
# `board --at` pins the board's clock to the store's anchor, so nothing below depends on the date.
board_at=(--at "$anchor")

# Display width of each line of a captured screen, the way the terminal laid it out: East Asian
# wide = 2, combining marks, joiners and selectors = 0, a ZWJ-joined emoji adds nothing.
cat >"$work/widths.py" <<'PY'
import sys, unicodedata
def width(line):
    w, joined = 0, False
    for ch in line:
        o = ord(ch)
        if o == 0x200D: joined = True; continue
        if joined: joined = False; continue
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf") or 0xFE00 <= o <= 0xFE0F:
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
cols = int(sys.argv[1])
bad = []
for n, line in enumerate(sys.stdin.read().split("\n")):
    w = width(line)
    if w > cols: bad.append((n, w, "wider than the pane"))
    # A boxed line (a table row, a panel) must still end with its border at the pane's edge.
    if line.startswith("│") and line.rstrip().endswith("│") and w != cols:
        bad.append((n, w, "border not at the right edge"))
for b in bad[:5]: print("line %d: width %d: %s" % b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
fits() { screen | python3 "$work/widths.py" "$1"; }  # fits COLS: the screen's layout is intact

# ---- (a) resize storm ----------------------------------------------------------------------
db="$work/storm.sqlite"
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
term_start 120 40 "env TERM=xterm-256color LANG=C.UTF-8 $bin board --db $db ${board_at[*]}"
check "the board opens before the storm" wait_for "按时响应率 近24小时"
sizes=(1x1 200x60 2x2 80x24 10x3 30x8 160x48 3x1 120x40 40x12)
start=$(date +%s%N)
resizes=0
for round in $(seq 22); do
  args=()
  for s in "${sizes[@]}"; do
    args+=(resize-window -t t -x "${s%x*}" -y "${s#*x}" \;)
    resizes=$((resizes + 1))
  done
  tm "${args[@]}" 2>/dev/null
  keys j  # keys arriving during the storm too
  sleep 0.05
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "     $resizes resizes in $elapsed_ms ms"
check "at least 200 resizes within 2 s ($resizes in $elapsed_ms ms)" test "$resizes" -ge 200 -a "$elapsed_ms" -le 2000
tm resize-window -t t -x 120 -y 40
check "after the storm the board is alive and redraws at 120x40" wait_for "按时响应率 近24小时" 10
sleep 0.5
check "after the storm the screen's layout fits 120 columns" fits 120
keys / && keys -l 河北 && keys Enter Enter
check "after the storm the board still answers keys (filter, Enter: 河北街道 opened)" wait_for "蛟河市 › 河北街道"
check "after the storm the rows are 河北街道's communities" wait_for "水映花城社区"
keys q
check "after the storm q quits with status 0 and the terminal restored" clean_exit

# ---- (b) hostile names ---------------------------------------------------------------------
db="$work/hostile.sqlite"
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
# Every hostile name holds the marker 甲甲 so the board's `/` filter finds it at each level.
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
chain = [r[0] for r in db.execute("""
  WITH RECURSIVE c(id) AS (SELECT id FROM place WHERE name = '民主街道'
    UNION ALL SELECT (SELECT min(q.id) FROM place q WHERE q.parent_id = c.id) FROM c
    WHERE (SELECT min(q.id) FROM place q WHERE q.parent_id = c.id) IS NOT NULL)
  SELECT id FROM c""")]
names = [
    "\x1b[2J民主甲甲\u202e街道\x07",                       # street: clear screen, RTL override, BEL
    "\x1b]0;PWNED\x07甲甲社区🇨🇳",                          # community: OSC title set, a flag
    "👨\u200d👩\u200d👧甲甲委\x1b]2;PWNED2\x1b\\",          # committee: a ZWJ family, OSC 2 with ST
    "甲甲" + "名" * 4998,                                   # compound: 5,000 characters
    "甲甲\u009b31m楼\u2066x\u2069",                        # building: C1 CSI, bidi isolate
    "e\u0301甲甲\x1b[?1049l单元\r\n",                       # unit: combining mark, leave alt screen, CR LF
]
for place, name in zip(chain, names):
    db.execute("UPDATE place SET name = ? WHERE id = ?", (name, place))
unit = chain[-1]
db.execute("UPDATE leader SET name = ?, phone = '8456123' WHERE id = (SELECT leader_id FROM unit WHERE place_id = ?)",
           ("\x1b[5m领导\u202e甲甲\x07", unit))
rows = [r[0] for r in db.execute("SELECT id FROM household WHERE unit_id = ? ORDER BY id", (unit,))]
heads = ["户主\x1b]0;PWNED3\x07甲甲", "\u202e甲甲" + "长" * 5000, "🇨🇳👨\u200d👩\u200d👧甲甲\x1b[H"]
for h, name in zip(rows, heads):
    db.execute("UPDATE household SET head_name = ?, phone = '8456123' WHERE id = ?", (name, h))
db.execute("UPDATE department SET name = ? WHERE id = 1", ("\x1b]0;DEPT\x07局\u202e",))
db.execute("UPDATE task SET title = ? WHERE id = (SELECT max(id) FROM task)", ("\x1b]0;TASK\x07排查\u202e\x1b[2J",))
db.commit()
PY

term_start 160 48 "env TERM=xterm-256color LANG=C.UTF-8 $bin board --db $db ${board_at[*]}"
check "the board opens on the hostile store" wait_for "按时响应率 近24小时"
title_before=$(tm display -p -t t '#{pane_title}')
check "the hostile street is shown escaped (\\e[2J, <U+202E>, \\x07)" wait_for '\e[2J民主甲甲<U+202E>街道\x07'
check "the city screen's layout fits 160 columns" fits 160
levels=0
for level in 1 2 3 4 5 6; do
  keys /
  # The station lists every unit of the hostile building (pending ones first): its leader picks the unit.
  if ((level == 5)); then keys -l 领导; else keys -l 甲甲; fi
  keys Enter Enter
  sleep 0.4
  fits 160 || {
    echo "     (layout broken at level $level)" >&2
    break
  }
  levels=$level
done
check "drilled through 6 hostile levels with / and Enter, layout intact at each" test "$levels" -eq 6
check "the unit view shows the hostile households escaped" wait_for '户主\e]0;PWNED3\x07甲甲'
check "the unit view masks 8456123 as *****23" wait_for "*****23"
no_phone() { ! screen | grep -q 8456123; }
check "no 7-digit phone on screen" no_phone
check "flags and the ZWJ family are drawn whole" wait_for "🇨🇳👨‍👩‍👧甲甲"
keys '?'
check "help opens over the hostile screen" wait_for "输入即筛选"
check "the help screen's layout fits 160 columns" fits 160
for _ in $(seq 14); do keys Escape; sleep 0.1; done
check "Esc goes back to the city" wait_for "按时响应率 近24小时"
tm resize-window -t t -x 70 -y 20
sleep 0.5
check "at 70x20 the hostile city still fits" fits 70
tm resize-window -t t -x 160 -y 48
check "the window title was not changed ($title_before)" test "$(tm display -p -t t '#{pane_title}')" == "$title_before"
check "the title holds none of the hostile payloads" bash -c "! tmux -S '$socket' -f /dev/null display -p -t t '#{pane_title}' | grep -q PWNED"
capture_e=$(tm capture-pane -p -e -t t)
check "the captured screen holds no escape but colours and attributes (SGR)" \
  python3 -c 'import re,sys; s=sys.stdin.read(); sys.exit(1 if re.search(r"\x1b(?!\[[0-9;:]*m)", s) else 0)' <<<"$capture_e"
keys q
check "q quits with status 0 and the terminal restored" clean_exit
# The bytes the board wrote: no hostile payload, no BEL, no C1, no bidi control, no OSC.
check "the board's bytes hold no OSC, BEL, C1, bidi control or hostile sequence" python3 - "$work/raw.bin" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
bad = {
    "OSC": rb"\x1b\]", "BEL": rb"\x07", "C1": rb"\xc2[\x80-\x9f]", "bidi": rb"\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c",
    "alt screen off inside a name": rb"\x1b\[\?1049l\S*\xe5\x8d\x95", "blink leader": rb"\x1b\[5m\xe9\xa2\x86",
}
found = [k for k, p in bad.items() if re.search(p, raw)]
print("     found:", found, file=sys.stderr) if found else None
sys.exit(1 if found else 0)
PY

# The text commands on the same store print no raw control byte (tab and line feed are layout).
clean_bytes() {  # clean_bytes FILE
  python3 - "$1" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
sys.exit(1 if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c", raw) else 0)
PY
}
"$bin" report --db "$db" --at "$anchor" >"$work/report.txt" 2>&1
check "report prints no raw control byte" clean_bytes "$work/report.txt"
check "report shows the hostile street escaped" grep -qF '\e[2J民主甲甲<U+202E>街道\x07' "$work/report.txt"
"$bin" report --db "$db" --at "$anchor" --json >"$work/report.json" 2>&1
check "report --json prints no raw control byte and is valid JSON" bash -c \
  "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '$work/report.json' && $(declare -f clean_bytes); clean_bytes '$work/report.json'"
"$bin" tasks --db "$db" --at "$anchor" >"$work/tasks.txt" 2>&1
check "tasks prints no raw control byte" clean_bytes "$work/tasks.txt"
check "tasks shows the hostile title escaped" grep -qF '\e]0;TASK\x07排查<U+202E>\e[2J' "$work/tasks.txt"
"$bin" rankings --db "$db" --by department --task 1 --at "$anchor" >"$work/rankings.txt" 2>&1
check "rankings prints no raw control byte" clean_bytes "$work/rankings.txt"
"$bin" report --db "$db" --scope $'\e]0;PWNED\a\u202e' >"$work/error.txt" 2>&1
check "an unknown hostile --scope fails with a message holding no raw control byte" \
  bash -c "grep -qF 'unknown place' '$work/error.txt' && $(declare -f clean_bytes); clean_bytes '$work/error.txt'"
"$bin" tasks --db "$db" --days $'\e[2J\a' >"$work/error2.txt" 2>&1
check "an ArgumentParser error echoing hostile input holds no raw control byte" \
  bash -c "grep -qF 'days' '$work/error2.txt' && $(declare -f clean_bytes); clean_bytes '$work/error2.txt'"
finish
