#!/usr/bin/env bash
# End-to-end: everyday registry changes. R on a unit row of the station view replaces its leader
# (picked by pinyin initials, or added by name and phone); the board's row follows at once,
# `wangge report` and `verify` agree, the audit shows it. The command-line changes (leader replace,
# household move-in/move-out/vacant, help-case open/change/close) keep verify clean, refuse bad values
# with the field named and the store unchanged, and an id sent again changes nothing.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
fixtures="$here/../WanggeLedgerTests/Fixtures"
at=2026-11-22T20:00:00+08:00
db="$work/s.sqlite"
station=河北街道/水映花城社区/第一居民委/水映花城小区
unit=$station/1号楼/1单元
"$bin" init --db "$db" --root 蛟河市 --levels 街道/社区/居民委/小区/楼栋/单元 >/dev/null
"$bin" import --db "$db" --at "$at" "$fixtures/households-wps-gb18030.csv" "$fixtures/leaders-english.csv" >/dev/null
leaders() { "$bin" report --db "$db" --scope "$station" --json --at "$at" | python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['unit_leaders'])"; }
check "two leaders before (王十 leads two units)" test "$(leaders)" = 2

term_start 140 36 "env TERM=xterm-256color $bin board --db $db --operator 值班员 --path $station --view station --start-at $at"
wait_for "1号楼1单元"
keys R
check "R opens the replace form on the selected unit" wait_for "更换单元长 · 1号楼1单元"
keys -l "cs"
keys Enter
check "the row shows the leader picked by initials (cs → 陈三)" wait_for "已更换 1号楼1单元 的单元长：陈三"
check "the unit row itself follows" bash -c "tmux -S '$socket' capture-pane -p -t t | grep '1号楼1单元' | grep -q 陈三"
keys R
keys -l "zzz"
keys Enter
check "no match asks for a new leader's phone" wait_for "没有匹配“zzz”的单元长"
keys C-u
keys -l "赵新"
keys Tab
keys -l "13911112222"
keys Enter
check "a new leader is added by name and phone" wait_for "的单元长：赵新"
keys q
check "the board quits cleanly" clean_exit

check "verify is clean after R" "$bin" verify --db "$db"
# 王十 led 1号楼1单元 and 2单元 and still leads 2单元; 陈三 leads 2号楼1单元; 赵新 came: 3 leaders.
check "wangge report agrees: 3 unit leaders" test "$(leaders)" = 3
"$bin" audit --db "$db" >"$work/audit.txt"
check "the audit shows both replacements by the operator" test "$(grep -c $'值班员\tleader_replace' "$work/audit.txt")" = 2
"$bin" export leaders --db "$db" --scope "$station" --format csv --out "$work/leaders.csv" >/dev/null
check "the export shows 赵新 leading 1号楼1单元" grep -q "1号楼,1单元,赵新" "$work/leaders.csv"

# The command line.
ch() { "$bin" "$@" --db "$db" --at "$at" --operator 站长; }
ch household move-in --unit "$unit" --room 901 --head 李四 --phone 13900002222 --people 3 --flags elderly_alone >/dev/null
check "move-in keeps verify clean" "$bin" verify --db "$db"
cp "$db" "$work/before.sqlite"
ch household move-in --unit "$unit" --room 901 --head 李四 --phone 13900002222 --people 3 2>"$work/occupied.err" >/dev/null
rc=$?
check "a move-in to an occupied room exits 1" test $rc = 1
check "… naming the room and what to do" grep -q -- "--room: room 901 .* record its move_out first" "$work/occupied.err"
ch household move-in --unit "$unit" --room 902 --head 李四 --phone 1390000 --people 3 2>"$work/phone.err" >/dev/null
check "a bad phone is refused with the field named" grep -q -- "--phone: " "$work/phone.err"
check "the store is unchanged by the refusals" cmp -s "$db" "$work/before.sqlite"
ch help-case open --unit "$unit" --room 901 --mode visit --helper 赵六 --cadence 3d --green --id h1 >/dev/null
ch help-case change --unit "$unit" --room 901 --cadence 1d >/dev/null
check "help-case open and change keep verify clean" "$bin" verify --db "$db"
ch household move-out --unit "$unit" --room 901 --reason 搬离 --id m1 >/dev/null
check "move-out (closing its help case) keeps verify clean" "$bin" verify --db "$db"
ch household move-out --unit "$unit" --room 901 --reason 搬离 --id m1 >"$work/again.out"
check "the same id again changes nothing" grep -q "already recorded" "$work/again.out"
ch household vacant --unit "$unit" --room 101 >/dev/null
check "vacant keeps verify clean" "$bin" verify --db "$db"
"$bin" audit --db "$db" >"$work/audit2.txt"  # the board's R changes run on its clock, after $at
check "the audit names the operator of the command-line changes" test "$(grep -c '站长' "$work/audit2.txt")" = 5
# The same change through ingest.
printf '{"id":"i1","type":"help_open","at":"%s","unit":"%s","room":"201","mode":"phone","helper":"钱七","cadence":"2d"}\n' "$at" "$unit" >"$work/ev.jsonl"
"$bin" ingest "$work/ev.jsonl" --db "$db" >/dev/null
check "a help case opens through ingest too (verify clean)" "$bin" verify --db "$db"
check "… and is audited" bash -c "'$bin' audit --db '$db' | grep -q 'help_open.*event i1:'"
finish
