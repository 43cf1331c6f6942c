#!/usr/bin/env bash
# End-to-end: two boards in real terminals (tmux) on one store, a third process writing. On each
# engine (SQLite always; PostgreSQL when scripts/test gave a server in WANGGE_TEST_POSTGRES) an event
# ingested by the third process shows on both boards within 1 s. On PostgreSQL the server is then
# stopped for 3 s and started again (scripts/pg-cluster restart): both boards say 连接中断 · 重连中…
# and keep their figures, a command run meanwhile exits non-zero naming the server's host and port,
# and after the restart both boards recover by themselves and show the next change.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'for s in "$work"/board-*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; [[ -n ${pgdb:-} ]] && psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
anchor=2026-11-22T20:00:00+08:00
quietly() { "$@" >/dev/null; }

# Board N in a tmux server of its own.
bt() { tmux -S "$work/board-$1.sock" -f /dev/null "${@:2}"; }
board_screen() { bt "$1" capture-pane -p -t b; }
board_start() {  # board_start N DB
  bt "$1" new-session -d -s b -x 160 -y 48 \
    "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db '$2' --operator 值班员$1 --at $anchor; echo EXITED:\$?; sleep 60"
}
both_show() {  # both_show TEXT SECONDS: true when both boards show TEXT within SECONDS
  local tries=$(($2 * 20)) a=1 b=1
  for _ in $(seq "$tries"); do
    board_screen 1 | grep -qF -- "$1" && a=0
    board_screen 2 | grep -qF -- "$1" && b=0
    ((a == 0 && b == 0)) && return 0
    sleep 0.05
  done
  return 1
}
green_total() { board_screen "$1" | grep '^│合计' | grep -oE '‼ [0-9,]+' | tail -1; }
both_total() {  # both_total WANT SECONDS: both boards' 合计 row shows ‼ WANT within SECONDS
  local tries=$(($2 * 20))
  for _ in $(seq "$tries"); do
    [[ $(green_total 1) == "‼ $1" && $(green_total 2) == "‼ $1" ]] && return 0
    sleep 0.05
  done
  return 1
}
open_green() {  # open_green DB ID HOUSEHOLD
  echo "{\"id\":\"$2\",\"type\":\"green\",\"household\":$3,\"open\":true,\"at\":\"2026-11-22T20:05:00+08:00\"}" |
    "$bin" ingest --db "$1" - >/dev/null
}
# Two households of help cases without a green channel, read with the engine's own client.
households() {  # households ENGINE DB
  if [[ $1 == sqlite ]]; then
    sqlite3 "$2" "SELECT household_id FROM help_case WHERE green = 0 ORDER BY household_id LIMIT 2"
  else
    psql "$2" -tAc "SELECT household_id FROM help_case WHERE green = 0 ORDER BY household_id LIMIT 2"
  fi
}

live_check() {  # live_check ENGINE DB
  local engine=$1 db=$2
  check "$engine: demo store generated" quietly "$bin" demo --preset jiaohe --db "$db" --anchor "$anchor"
  local want
  want=$("$bin" report --db "$db" --json --at "$anchor" | python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['green_channel_open'])")
  mapfile -t hh < <(households "$engine" "$db")
  board_start 1 "$db"
  board_start 2 "$db"
  check "$engine: both boards open on the city" both_show "合计" 10
  check "$engine: both boards show the starting total ‼ $want" both_total "$want" 5
  open_green "$db" "live-$engine-1" "${hh[0]}"
  check "$engine: a third process's green channel shows on both boards within 1 s (‼ $((want + 1)))" both_total $((want + 1)) 1
  if [[ $engine == postgres ]]; then
    "$here/../../scripts/pg-cluster" restart 3 &
    local restart=$!
    check "postgres: with the server down both boards say 连接中断 · 重连中…" both_show "连接中断 · 重连中…" 5
    check "postgres: the boards keep their last figures (‼ $((want + 1)))" both_total $((want + 1)) 1
    "$bin" report --db "$db" --at "$anchor" >"$work/down.out" 2>"$work/down.err"
    local status=$?
    local endpoint
    endpoint=$(python3 -c "import sys,urllib.parse as u; p=u.urlparse(sys.argv[1]); print(f'{p.hostname}:{p.port}')" "$db")
    check "postgres: a command while the server is down exits non-zero (status $status)" test "$status" -ne 0
    check "postgres: its message names the server $endpoint" grep -qF "$endpoint" "$work/down.err"
    wait "$restart"
    check "postgres: after the restart both boards recover by themselves" bash -c "
      for _ in \$(seq 200); do
        if ! tmux -S '$work/board-1.sock' capture-pane -p -t b | grep -qF 连接中断 &&
           ! tmux -S '$work/board-2.sock' capture-pane -p -t b | grep -qF 连接中断; then exit 0; fi
        sleep 0.05
      done; exit 1"
    open_green "$db" "live-$engine-2" "${hh[1]}"
    check "postgres: the next change shows on both boards within 1 s (‼ $((want + 2)))" both_total $((want + 2)) 1
  fi
  for n in 1 2; do
    bt "$n" send-keys -t b q
  done
  check "$engine: both boards quit with status 0" bash -c "sleep 1; tmux -S '$work/board-1.sock' capture-pane -p -t b | grep -q EXITED:0 && tmux -S '$work/board-2.sock' capture-pane -p -t b | grep -q EXITED:0"
  for n in 1 2; do bt "$n" kill-server 2>/dev/null; done
}

live_check sqlite "$work/live.sqlite"
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  pgdb="wangge_live_$$"
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
  live_check postgres "${WANGGE_TEST_POSTGRES%/*}/$pgdb"
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
else
  echo "skipped the PostgreSQL half: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
fi
finish
