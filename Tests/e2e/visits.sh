#!/usr/bin/env bash
# End-to-end: a help visit with an outcome and needs from the command line (`wangge visit`) and as an
# event line; an unknown outcome refused naming the field and the allowed values, store unchanged;
# 不在家 leaves the due time, 见到本人 restarts it; the help view shows the outcome and the needs, and
# `o` on the household turns the first need into an order in one key (tmux).
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
# A unit with exactly one help case (not on the green channel), so the help view's first row is it.
read -r household unit < <(sqlite3 -separator ' ' "$db" "SELECT min(c.household_id), h.unit_id FROM help_case c
  JOIN household h ON h.id = c.household_id GROUP BY h.unit_id HAVING count(*) = 1 AND max(c.green) = 0 LIMIT 1")
path=$(sqlite3 "$db" "WITH RECURSIVE up(id, parent_id, name, d) AS (SELECT id, parent_id, name, 0 FROM place WHERE id = $unit
  UNION ALL SELECT p.id, p.parent_id, p.name, up.d + 1 FROM place p JOIN up ON p.id = up.parent_id)
  SELECT group_concat(name, '/') FROM (SELECT name FROM up WHERE parent_id IS NOT NULL ORDER BY d DESC)")
last() { sqlite3 "$db" "SELECT coalesce(last_visit, 'none') FROM help_case WHERE household_id = $household"; }
before=$(last)

out=$("$bin" visit --db "$db" --household "$household" --outcome gone --at "$anchor" 2>&1)
status=$?
check "an unknown outcome exits non-zero" test "$status" -ne 0
check "the message names --outcome and the allowed values" grep -q -- "--outcome.*not_home/不在家" <<<"$out"
check "the store is unchanged" test "$(sqlite3 "$db" 'SELECT count(*) FROM visit_note')" = 0
out=$("$bin" visit --db "$db" --household "$household" --need 米:大米 --at "$anchor" 2>&1)
check "an unknown need kind is refused naming --need" grep -q -- "--need" <<<"$out"

out=$("$bin" visit --db "$db" --household "$household" --outcome 不在家 --need "送药:降压药 2盒" --need 代购:米 \
  --id e2e-v1 --at "$anchor")
check "wangge visit records 不在家 with its needs" grep -q "not_home 不在家, needs 送药 降压药 2盒；代购 米" <<<"$out"
check "不在家 leaves the due clock (last visit unchanged)" test "$(last)" = "$before"
out=$("$bin" visit --db "$db" --household "$household" --outcome 不在家 --need "送药:降压药 2盒" --need 代购:米 \
  --id e2e-v1 --at "$anchor")
check "the same id again changes nothing" grep -q "already recorded" <<<"$out"
bad='{"id":"e2e-bad","type":"visit","at":"'$anchor'","household":'$household',"outcome":"away"}'
echo "$bad" >"$work/bad.jsonl"
out=$("$bin" ingest --db "$db" "$work/bad.jsonl" 2>&1)
check "an event line with an unknown outcome is refused naming the line, outcome and the allowed values" \
  grep -q 'bad.jsonl:1: outcome: "away" is not allowed (allowed: seen/见到本人, not_home/不在家' <<<"$out"
check "verify is clean" "$bin" verify --db "$db"

term_start 160 40 "env TERM=xterm-256color $bin board --db $db --operator 值班员 --path $path --view help --start-at $anchor"
check "the help view shows the last visit's outcome" wait_for "不在家"
check "the help view shows the needs noted" wait_for "送药 降压药 2盒"
keys o
check "o turns the first need into the order line" wait_for ":order 送药 降压药 2盒"
keys Enter
check "Enter opens the order" wait_for "已开工单"
keys q
check "the board quits cleanly" clean_exit
json=$("$bin" order list --db "$db" --scope "$path" --json --at "2026-11-22T20:30:00+08:00")
check "the order has the need's kind and items" python3 -c "
import json, sys
o = [o for o in json.loads(sys.argv[1])['orders'] if o['household_id'] == int(sys.argv[2])]
assert o and o[0]['kind'] == 'medicine' and o[0]['items'] == '降压药 2盒', o" "$json" "$household"

seen=2026-11-22T20:10:00+08:00
"$bin" visit --db "$db" --household "$household" --outcome 见到本人 --at "$seen" >/dev/null
check "见到本人 restarts the due clock" test "$(last)" = "$(date -d "$seen" +%s)"
check "verify is still clean" "$bin" verify --db "$db"
finish
