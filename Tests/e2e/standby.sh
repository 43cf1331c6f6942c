#!/usr/bin/env bash
# End-to-end: a hot standby. The test cluster (scripts/pg-cluster, the server in WANGGE_TEST_POSTGRES)
# gets a streaming replica (`scripts/pg-cluster standby`: pg_basebackup -R, its own folder and port).
# A board in a real terminal (tmux) reads from the standby: its header says 只读 · 备库, and a green
# channel ingested on the primary shows on it within 1 s (NOTIFY is not replicated: the board polls
# the replayed WAL position). A write command against the standby exits non-zero naming the server as a
# read-only hot standby, and nothing is written. The standby is removed afterwards. PostgreSQL only.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
cluster="$here/../../scripts/pg-cluster"
work=$(mktemp -d)
trap 'tmux -S "$work/board.sock" kill-server 2>/dev/null; "$cluster" standby-stop >/dev/null 2>&1; [[ -n ${pgdb:-} ]] && psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
anchor=2026-11-22T20:00:00+08:00

if [[ -z ${WANGGE_TEST_POSTGRES:-} ]]; then
  if [[ -n ${CI:-} ]]; then
    check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
  else
    echo "skipped: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
  fi
  finish
  exit
fi
hostport() { python3 -c "import sys,urllib.parse as u; p=u.urlparse(sys.argv[1]); print(f'{p.hostname}:{p.port}')" "$1"; }
if [[ $(hostport "$("$cluster" url 2>/dev/null)") != "$(hostport "$WANGGE_TEST_POSTGRES")" ]]; then
  check "WANGGE_TEST_POSTGRES is the scripts/pg-cluster server (same WANGGE_PG_DIR), which gets the standby" false
  finish
  exit
fi

pgdb="wangge_standby_$$"
psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
primary="${WANGGE_TEST_POSTGRES%/*}/$pgdb"
check "primary: demo store generated" bash -c "'$bin' demo --preset jiaohe --db '$primary' --anchor $anchor >/dev/null"
standby_url=$("$cluster" standby) || standby_url=""
check "a standby started with pg_basebackup -R" test -n "$standby_url"
standby="${standby_url%/*}/$pgdb"
check "the standby is in recovery (pg_is_in_recovery)" test "$(psql "$standby" -tAc 'SELECT pg_is_in_recovery()')" = t

# The store reaches the standby by streaming replication (the demo was written before the backup, but
# wait for the replay all the same).
replayed() {
  for _ in $(seq 100); do
    psql "$standby" -tAc "SELECT count(*) FROM place" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
check "the store is on the standby" replayed

bt() { tmux -S "$work/board.sock" -f /dev/null "$@"; }
screen() { bt capture-pane -p -t b; }
shows() {  # shows TEXT SECONDS
  for _ in $(seq $(($2 * 20))); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  return 1
}
green_total() { screen | grep '^│合计' | grep -oE '‼ [0-9,]+' | tail -1; }
total_is() {  # total_is WANT SECONDS
  for _ in $(seq $(($2 * 20))); do
    [[ $(green_total) == "‼ $1" ]] && return 0
    sleep 0.05
  done
  return 1
}
want=$("$bin" report --db "$primary" --json --at "$anchor" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['green_channel_open'])")
mapfile -t hh < <(psql "$primary" -tAc "SELECT household_id FROM help_case WHERE green = 0 ORDER BY household_id LIMIT 2")

# A drill clock (--start-at), not --at: looking back is read-only by itself, and the point is that the
# standby alone makes the board read-only.
bt new-session -d -s b -x 160 -y 48 \
  "env TERM=xterm-256color LANG=zh_CN.UTF-8 $bin board --db '$standby' --start-at $anchor; echo EXITED:\$?; sleep 60"
check "the board opens on the standby" shows "合计" 10
check "its header says 只读 · 备库 (a read-only standby)" shows "只读 · 备库" 2
check "it shows the starting total ‼ $want" total_is "$want" 5

green() {  # green DB ID HOUSEHOLD
  echo "{\"id\":\"$2\",\"type\":\"green\",\"household\":$3,\"open\":true,\"at\":\"2026-11-22T20:05:00+08:00\"}" |
    "$bin" ingest --db "$1" -
}
green "$primary" standby-1 "${hh[0]}" >/dev/null
check "a green channel ingested on the primary shows on the standby's board within 1 s (‼ $((want + 1)))" total_is $((want + 1)) 1

green "$standby" standby-2 "${hh[1]}" >"$work/w.out" 2>"$work/w.err"
status=$?
check "an ingest against the standby exits non-zero (status $status)" test "$status" -ne 0
check "its message names the server as a read-only hot standby" grep -qF "read-only hot standby" "$work/w.err"
check "its message names the standby's host and port ($(hostport "$standby"))" grep -qF "$(hostport "$standby")" "$work/w.err"
check "and says to write on the primary" grep -qF "primary" "$work/w.err"
"$bin" dispatch --db "$standby" --at "$anchor" --scope 河北街道 --type notice --title 测试 >/dev/null 2>"$work/d.err"
status=$?
check "a dispatch against the standby exits non-zero too (status $status) with the same message" \
  bash -c "test $status -ne 0 && grep -qF 'read-only hot standby' '$work/d.err'"
after=$("$bin" report --db "$primary" --json --at "$anchor" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['green_channel_open'])")
check "nothing of the refused write reached the primary (‼ $((want + 1)))" test "$after" = $((want + 1))
check "the report reads from the standby (read-only commands work there)" \
  bash -c "'$bin' report --db '$standby' --at $anchor >/dev/null"

bt send-keys -t b d
check "d on the standby's board is refused: 只读备库" shows "只读备库" 2
bt send-keys -t b Escape
bt send-keys -t b q
check "the board quits with status 0" shows "EXITED:0" 3
bt kill-server 2>/dev/null
"$cluster" standby-stop
check "the standby is removed" bash -c "! '$cluster' standby-url >/dev/null 2>&1"
finish
