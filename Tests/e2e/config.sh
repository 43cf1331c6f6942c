#!/usr/bin/env bash
# End-to-end: the board's settings file (--config / ~/.config/wangge/board.conf): a good file is
# used, a bad value stops the board with file:line and a non-zero exit.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
printf '# half an hour\namber_within = 30m\ngreen_rate = 50%%\n' >"$work/good.conf"
printf 'amber_within = 1h\ngreen_rate = lots\n' >"$work/bad.conf"
"$bin" snapshot --db "$db" --at "$anchor" --path 水映花城小区 --view tasks >"$work/standard.txt" 2>&1
check "standard thresholds: the deadline in 1 h is amber" grep -qF '! 剩 1小时' "$work/standard.txt"
"$bin" snapshot --db "$db" --at "$anchor" --path 水映花城小区 --view tasks --config "$work/good.conf" >"$work/good.txt" 2>&1
check "a good --config is used (amber_within = 30m: 1 h left is not amber)" \
  bash -c "grep -qE '[^!] 剩 1小时' '$work/good.txt' && ! grep -qF '! 剩 1小时' '$work/good.txt'"
"$bin" snapshot --db "$db" --at "$anchor" --config "$work/bad.conf" >"$work/bad.txt" 2>&1
status=$?
check "a bad value exits non-zero" test "$status" -ne 0
check "… naming file:line and the key" grep -qF "$work/bad.conf:2: green_rate" "$work/bad.txt"
HOME="$work" XDG_CONFIG_HOME= "$bin" snapshot --db "$db" --at "$anchor" >"$work/none.txt" 2>&1
check "no settings file: the standard thresholds" test $? -eq 0
finish
