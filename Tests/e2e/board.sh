#!/usr/bin/env bash
# End-to-end: the live board in a real terminal (tmux) on a Jiaohe store: figures equal to
# `wangge report`, drill from the city to one unit and back, an event ingested by another process
# on screen within 2 s, resize to 30x8 and back, and a clean exit on `q`.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
"$bin" report --db "$db" --json --at "$anchor" >"$work/report.json"

# The board looks back at the store's anchor, so its figures are the same on any date.
term_start 160 48 "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --operator 值班员 --at $anchor"
check "the board opens on the city with the demo banner" wait_for "演示数据 DEMO"
check "the header says it looks back at the anchor" wait_for "回看 2026-11-22 20:00"
check "the header names the store and the operator" wait_for "j.sqlite · 值班 值班员"
screen >"$work/city.txt"
# Every street's row shows the same units, leaders and overdue counts as `wangge report --json`.
check "each street's figures equal wangge report's" python3 - "$work/city.txt" "$work/report.json" <<'PY'
import json, re, sys
screen = open(sys.argv[1], encoding="utf-8").read().splitlines()
report = json.load(open(sys.argv[2]))
def num(s): return int(re.sub(r"[^0-9]", "", s) or 0)
for child in report["children"]:
    f = child["figures"]
    line = next(l for l in screen if l.startswith("│" + child["name"]))
    cells = [c for c in re.split(r"\s{2,}|│", line) if c.strip()]
    # name, stations, units, leaders, on-time rate and bar, done, ack overdue, finish overdue, ...
    assert num(cells[2]) == f["units"] and num(cells[3]) == f["unit_leaders"], (cells, f)
    assert cells[4].split()[1] == "%.1f%%" % (100 * f["response_rate"]), (cells, f)
    assert num(cells[6]) == f["acknowledgements_overdue"], (cells, f)
    assert num(cells[7]) == f["finishes_overdue"], (cells, f)
PY

# Drill down with the filter and Enter, level by level, to 12号楼3单元.
for name in 河北街道 水映花城社区 水映花城居民委 水映花城小区 12号楼3单元; do
  keys /
  keys -l "$name"
  keys Enter Enter
  sleep 0.3
done
check "drilled to the unit: breadcrumbs end in 12号楼 › 3单元" wait_for "水映花城小区 › 12号楼 › 3单元"
check "the unit view lists its households with masked phones" wait_for "****"
screen >"$work/unit.txt"
check "no unmasked phone number on screen" bash -c "! grep -qE '[0-9]{11}' '$work/unit.txt'"
for _ in $(seq 12); do keys Escape; sleep 0.1; done
check "Esc goes back up to the city" wait_for "─ 长安街道 "

# Another process opens a green channel; the board shows it within 2 s.
before=$(screen | grep '^│合计' | awk -F'│' '{print $2}')
household=$(sqlite3 "$db" "SELECT household_id FROM help_case WHERE green = 0 LIMIT 1")
echo "{\"id\":\"e2e-green-1\",\"type\":\"green\",\"household\":$household,\"open\":true,\"at\":\"2026-11-22T20:05:00+08:00\"}" |
  "$bin" ingest --db "$db" - >/dev/null
green_total() { screen | grep '^│合计' | grep -oE '‼ [0-9,]+' | tail -1; }
want=$(python3 -c "import json; print(json.load(open('$work/report.json'))['totals']['green_channel_open'] + 1)")
changed() {
  for _ in $(seq 20); do
    [[ $(green_total) == "‼ $want" ]] && return 0
    sleep 0.1
  done
  return 1
}
check "the ingested green channel shows within 2 s (total ‼ $want)" changed

tm resize-window -t t -x 30 -y 8
check "at 30x8 the too-small screen names both sizes" wait_for "30×8"
tm resize-window -t t -x 160 -y 48
check "back at 160x48 the board returns" wait_for "按时响应率 近24小时"
keys q
check "q quits with status 0 and leaves the terminal in cooked mode with echo" clean_exit
finish
