#!/usr/bin/env bash
# End-to-end: one place matcher for --path, --scope and :goto (a unique name anywhere, a fragment
# relative to where one stands, candidates and a non-zero exit when ambiguous or unknown), and
# Ctrl-Z suspends the board to the shell while `fg` brings it back.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null

"$bin" report --db "$db" --at "$anchor" --scope 水映花城小区 >"$work/r.txt" 2>&1
check "report --scope takes a unique name anywhere (水映花城小区)" grep -qF 12号楼 "$work/r.txt"
"$bin" report --db "$db" --at "$anchor" --scope 水映花城小区/12号楼 >"$work/r2.txt" 2>&1
check "report --scope takes a name and the path below it" grep -qF 3单元 "$work/r2.txt"
"$bin" tasks --db "$db" --at "$anchor" --scope hbjd >"$work/t.txt" 2>&1
check "tasks --scope takes pinyin initials (hbjd)" test -s "$work/t.txt"
"$bin" report --db "$db" --at "$anchor" --scope 水映 >"$work/amb.txt" 2>&1
status=$?
check "an ambiguous --scope exits non-zero" test "$status" -ne 0
check "… and lists the candidates with their paths" grep -qF "河北街道/水映花城社区" "$work/amb.txt"
"$bin" rankings --db "$db" --at "$anchor" --scope 没有这个地方 >"$work/none.txt" 2>&1
status=$?
check "an unknown --scope exits non-zero with 'unknown place'" \
  bash -c "test $status -ne 0 && grep -qF 'unknown place' '$work/none.txt'"

term_start 120 36 "bash --norc --noprofile -i"
keys "PS1='PROMPT\$ '; clear" Enter
check "a shell with job control" wait_for "PROMPT\$"
keys "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --path 水映花城小区 --start-at $anchor" Enter
check "--path takes a unique name anywhere (水映花城小区)" wait_for "› 水映花城小区 " 10
check "… and opens on the compound's station view" wait_for "单元 · 当前任务"
keys : "goto 12号楼" Enter
check ":goto 12号楼 inside the compound finds 水映花城小区/12号楼" wait_for "水映花城小区 › 12号楼"
keys C-z
check "Ctrl-Z hands the terminal back to the shell" wait_for "Stopped"
prompt_last() { screen | grep -v '^\s*$' | tail -n 1 | grep -qF 'PROMPT$'; }
check "… with its prompt" prompt_last
keys "fg" Enter
check "fg brings the board back" wait_for "水映花城小区 › 12号楼"
check "… redrawn in full (its footer)" wait_for "q 退出"
keys q
check "q then quits to the shell" wait_for "PROMPT\$ " 
finish
