#!/usr/bin/env bash
# End-to-end: `v` on a household row of the live board (tmux) asks for a reason, reveals that one
# household's full phone for 30 s with a countdown (recorded in `wangge audit`), then masks it again;
# `--read-only` refuses it with a message.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash"
db="$work/j.sqlite"
unit=河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼/3单元
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
full_phones() { screen | grep -oE '[0-9]{11}'; }

term_start 120 36 "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --operator 值班员 --path $unit --start-at $anchor"
check "the unit view lists its households with masked phones" wait_for "****"
check "no full phone number on screen" test -z "$(full_phones)"
keys v
check "v asks for a reason in a one-line prompt" wait_for "理由（2–200 字，Esc 取消）"
keys Escape
check "Esc cancels it" wait_for "已取消：未查看，未记录"
check "and nothing is recorded" bash -c "! '$bin' audit --db '$db' --since $anchor | grep -qF reveal"
keys v
wait_for "理由（2–200 字" >/dev/null
keys "送药联系" Enter
check "the reveal shows a countdown in the status line" wait_for "秒后隐藏"
phone=$(full_phones | head -1)
check "one full phone is on screen" test "$(full_phones | wc -l)" = 1
check "it is the selected household's (room 101 of the unit)" test "$(sqlite3 "$db" "SELECT count(*) FROM household WHERE phone = '$phone' AND room = '101'")" -ge 1
check "wangge audit lists the reveal with its reason" bash -c "'$bin' audit --db '$db' --since $anchor | grep -F reveal | grep -qF 送药联系"
masked() {
  for _ in $(seq 40); do
    if ! screen | grep -qF "秒后隐藏" && [[ -z $(full_phones) ]]; then return 0; fi
    sleep 1
  done
  return 1
}
check "after 30 s the phone is masked again and the countdown gone" masked
keys q
check "q quits with status 0" clean_exit

term_start 120 36 "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db $db --read-only --path $unit --start-at $anchor"
check "read-only: the unit view opens" wait_for "****"
keys v
check "read-only: v is refused with a message" wait_for "只读：不能查看完整姓名和电话"
check "read-only: no full phone number on screen" test -z "$(full_phones)"
keys q
check "read-only: q quits with status 0" clean_exit
finish
