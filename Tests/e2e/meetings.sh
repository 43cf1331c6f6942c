#!/usr/bin/env bash
# End-to-end: a baseline is marked, 100 acknowledgements arrive, and the brief shows the exact change
# (+100 on-time acknowledgements); the chat format keeps lines within 20 columns and messages under
# 500 characters; the html brief and bulletin are well-formed; `b` on the live board (tmux) shows Δ.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null

check "brief without a baseline fails and says how to mark one" bash -c "! '$bin' brief --db '$db' --at $anchor 2>'$work/err' && grep -q 'baseline mark' '$work/err'"
check "baseline mark names the places it kept" bash -c "'$bin' baseline mark --db '$db' --name 早例会 --at $anchor | grep -q '早例会: 11-22 20:00, 1533 places'"
check "a bad name is refused and nothing is marked" bash -c "! '$bin' baseline mark --db '$db' --name '' --at $anchor 2>/dev/null && test \"\$('$bin' baseline list --db '$db' --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')\" = 1"
before=$("$bin" brief --db "$db" --at $anchor | grep -oE '按时响应数 [0-9]+' | grep -oE '[0-9]+')
sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id=6 AND acked_at IS NULL ORDER BY unit_id LIMIT 100" |
  awk '{printf "{\"id\":\"e2e-m-%s\",\"type\":\"ack\",\"task\":6,\"unit\":%s,\"at\":\"2026-11-22T19:59:00+08:00\"}\n",$1,$1}' >"$work/acks.jsonl"
"$bin" ingest "$work/acks.jsonl" --db "$db" >/dev/null
"$bin" brief --db "$db" --at $anchor >"$work/brief.txt"
after=$(grep -oE '按时响应数 [0-9]+' "$work/brief.txt" | grep -oE '[0-9]+')
check "the brief has the orders, reports (with marks), isolation and tomorrow's desk sections" bash -c "for s in 工单（未结·超时） 事件报告（未结） 隔离漏查（基线以来） 明日到期（工单·报告·隔离）; do grep -q \"【\$s】\" '$work/brief.txt' || exit 1; done && grep -A1 '【事件报告（未结）】' '$work/brief.txt' | grep -q '迟报/漏报/瞒报'"
check "the brief shows the 100 acknowledgements as ↑100" grep -q "按时响应数 $after (↑100) ✓" "$work/brief.txt"
check "and the figure moved by exactly 100" test $((after - before)) = 100
check "the brief's Δ of the response rate is ↑0.5 points" grep -q '按时响应 79.9% (↑0.5) ✓' "$work/brief.txt"
check "late leaders are listed by squad with masked phones" bash -c "grep -q '第1组：' '$work/brief.txt' && ! grep -qE '[0-9]{11}' '$work/brief.txt'"
"$bin" decision add --db "$db" --scope 蛟河市 --text 明早前补齐未建群单元 --owner 第一书记 --due 2026-11-23T12:00:00+08:00 --at $anchor >/dev/null
check "a decision shows in the brief with its state" bash -c "'$bin' brief --db '$db' --at $anchor | grep -q '明早前补齐未建群单元（第一书记 · 11-23 12:00前）进行中'"
check "and under tomorrow's deadlines" bash -c "'$bin' brief --db '$db' --at $anchor | grep -A3 明日到期 | grep -q 决定#1"
"$bin" decision done 1 --db "$db" --at 2026-11-22T21:00:00+08:00 >/dev/null
check "decision done marks it done" bash -c "'$bin' decision list --db '$db' --scope 蛟河市 --at 2026-11-22T21:00:00+08:00 | grep -q done"
"$bin" brief --db "$db" --at $anchor --format chat >"$work/chat.txt"
check "chat lines are at most 20 columns (East Asian Width W/F = 2)" python3 - "$work/chat.txt" <<'PY'
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if w(l) > 20]
sys.exit(1 if bad else 0)
PY
check "chat messages are under 500 characters each" python3 -c "
import sys
msgs=open('$work/chat.txt',encoding='utf-8').read().split('\n\n（')
sys.exit(0 if len(msgs)>1 and all(len(m)<500 for m in msgs) else 1)"
"$bin" brief --db "$db" --at $anchor --format html >"$work/brief.html"
"$bin" bulletin --db "$db" --at $anchor --format html >"$work/bulletin.html"
for f in brief bulletin; do
  check "$f html is well-formed with an inline SVG chart" python3 -c "
import xml.dom.minidom
t=open('$work/$f.html',encoding='utf-8').read().replace('<!DOCTYPE html>','').replace('<meta charset=\"utf-8\">','<meta charset=\"utf-8\"/>')
d=xml.dom.minidom.parseString(t); assert d.getElementsByTagName('svg') and d.getElementsByTagName('polyline')"
done
check "the bulletin ranks the streets, names the best and the worst" bash -c "'$bin' bulletin --db '$db' --week 2026-W47 --at $anchor | grep -q '表扬：长安街道' && '$bin' bulletin --db '$db' --week 2026-W47 --at $anchor | grep -q '通报：民主街道'"
check "a bad week is refused" bash -c "! '$bin' bulletin --db '$db' --week 2026-48 --at $anchor 2>/dev/null"
"$bin" bulletin --db "$db" --week 2026-W47 --at $anchor --format markdown >"$work/bulletin.md"
check "bulletin --level departments prints only the departments' table" bash -c "'$bin' bulletin --db '$db' --week 2026-W47 --at $anchor --level departments | grep '^## ' | grep -qx '## 机关部门排名（81）'  && test \$('$bin' bulletin --db '$db' --week 2026-W47 --at $anchor --level departments | grep -c '^## ') = 1"
check "bulletin --format xlsx without --out is refused" bash -c "! '$bin' bulletin --db '$db' --week 2026-W47 --at $anchor --format xlsx 2>'$work/err' && grep -q -- '--out' '$work/err'"
check "the bulletin has the stations', departments' and squads' tables, each naming its tasks and the command listing its rows" python3 - "$work/bulletin.md" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
heads = re.findall(r"^## (\S+)（(\d+)）$", md, re.M)
assert [h for h, _ in heads] == ["下级排名", "指挥站排名", "机关部门排名", "部门小组排名"], heads
assert dict(heads)["指挥站排名"] == "200", heads
for cmd in ["wangge tasks --scope 蛟河市", "wangge rankings --by department", "wangge rankings --by squad"]:
    assert re.search(r"- 统计：.*下发的任务 #1 #2 #3 #4 #5 #6（" + re.escape(cmd), md), cmd
PY
check "each new table's best and worst are the ones recounted from the assignment rows" python3 - "$work/bulletin.md" "$db" <<'PY'
import re, sqlite3, sys
md = open(sys.argv[1], encoding="utf-8").read()
db = sqlite3.connect(sys.argv[2])
start = 1794758400  # 2026-11-16T00:00:00+08:00, the start of 2026-W47
rows = db.execute("""
  WITH RECURSIVE up(unit, pid) AS (
    SELECT place_id, place_id FROM unit
    UNION ALL SELECT up.unit, p.parent_id FROM up JOIN place p ON p.id = up.pid WHERE p.has_station = 0 AND p.parent_id IS NOT NULL)
  SELECT st.id, st.name, sp.name, d.name, s.name,
    coalesce(a.acked_at, a.finished_at) <= t.issued_at + t.ack_within, a.finished_at IS NOT NULL
  FROM assignment a JOIN task t ON t.id = a.task_id AND t.issued_at >= ?
  JOIN up ON up.unit = a.unit_id JOIN place st ON st.id = up.pid AND st.has_station = 1
  JOIN place sp ON sp.id = st.parent_id
  JOIN unit u ON u.place_id = a.unit_id JOIN leader l ON l.id = u.leader_id
  JOIN department d ON d.id = l.department_id LEFT JOIN squad s ON s.id = l.squad_id""", (start,)).fetchall()
names = {}
for sid, name, parent, *_ in rows: names.setdefault(name, set()).add(sid)
def station(sid, name, parent): return parent + "/" + name if len(names[name]) > 1 else name
groups = {"指挥站排名": {}, "机关部门排名": {}, "部门小组排名": {}}
for sid, name, parent, dept, squad, on_time, done in rows:
    for table, key in (("指挥站排名", station(sid, name, parent)), ("机关部门排名", dept), ("部门小组排名", dept + "·" + squad)):
        g = groups[table].setdefault(key, [0, 0, 0])
        g[0] += 1; g[1] += on_time or 0; g[2] += done
for table, g in groups.items():
    order = sorted(g, key=lambda k: (-g[k][1] / g[k][0], -g[k][2] / g[k][0], k))
    section = md.split("## " + table)[1].split("\n## ")[0]
    best = re.search(r"- 表扬：(.+?)（", section).group(1)
    worst = re.search(r"- 通报：(.+?)（", section).group(1)
    assert best == order[0], (table, best, order[:3])
    if table != "指挥站排名":  # a station's tie-break on overdue visits is not recounted here
        assert worst == order[-1], (table, worst, order[-3:])
    else:
        assert g[worst][1] / g[worst][0] == g[order[-1]][1] / g[order[-1]][0], (table, worst, order[-3:])
PY
"$bin" bulletin --db "$db" --week 2026-W47 --at $anchor --format xlsx --out "$work/bulletin.xlsx"
check "the xlsx bulletin is owner-only" test "$(stat -c %a "$work/bulletin.xlsx")" = 600
check "the xlsx bulletin read with openpyxl has one sheet per markdown table: its header, rows (numbers as numbers) and summary" python3 - "$work/bulletin.xlsx" "$work/bulletin.md" <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sections = open(sys.argv[2], encoding="utf-8").read().split("\n## ")[1:]
assert [ws.title for ws in book.worksheets] == ["周通报 2026-W47 " + s.split("（")[0] for s in sections], book.sheetnames
for ws, section in zip(book.worksheets, sections):
    rows = [[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
    lines = section.split("\n")
    md = [[c.strip() for c in l.strip("|").split("|")] for l in lines if l.startswith("| ")]
    width = len(md[0])
    table = [r + [""] * (width - len(r)) for r in rows[: len(md)]]
    assert table == md, (ws.title, table[:3], md[:3])
    assert all(not any(c for c in r) for r in rows[len(md) : len(md) + 1]), "a blank row before the summary"
    summary = [r[0] for r in rows[len(md) + 1 :]]
    assert summary == [l[2:] for l in lines if l.startswith("- ")], (ws.title, summary)
    assert isinstance(ws["A2"].value, int) and ws["A2"].value == 1, ws["A2"].value
PY
# Headless Chromium (scripts/setup installs it): the html bulletin renders to a PNG with its table and chart.
(cd "$work" && timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$work/bulletin.png" --window-size=900,1200 "file://$work/bulletin.html" >/dev/null 2>&1)
check "the bulletin renders in headless Chromium to a PNG that is not blank" python3 - "$work/bulletin.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000, len(data)
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (900, 1200), (w, h)
PY
[ -n "${WANGGE_KEEP_PNG:-}" ] && cp "$work/bulletin.png" "$WANGGE_KEEP_PNG"

term_start 160 40 "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --operator 值班员 --start-at $anchor"
check "the board starts" wait_for "合计"
keys b
check "b says which baseline it compares with" wait_for "对比基线「早例会」"
check "the totals row shows the response rate's Δ" bash -c "$(declare -f screen tm); socket='$socket'; screen | grep 合计 | grep -q '↑0.5'"
keys b
check "b again turns it off" wait_for "不再对比基线"
clean_exit
finish
