#!/usr/bin/env bash
# End-to-end: two `wangge simulate` processes on one Jiaohe store, then a clean verify and recount.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite"

anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >"$work/demo.out"
before=$(sqlite3 "$db" "SELECT count(*) FROM event")
"$bin" simulate --db "$db" --rate 100 --duration 3 --seed 1 --at "$anchor" >"$work/a.out" 2>&1 &
a=$!
"$bin" simulate --db "$db" --rate 100 --seed 2 --at "$anchor" >"$work/b.out" 2>&1 &
b=$!
sleep 2.5
kill -INT "$b"
wait "$a"
check "a simulator with --duration stops by itself with status 0" test $? -eq 0
wait "$b"
check "Ctrl-C stops a simulator with status 0" test $? -eq 0
for out in a b; do
  check "simulator $out prints its totals by kind" grep -q '^total: ack [0-9]* done [0-9]* visit' "$work/$out.out"
  check "simulator $out saw no duplicate id" grep -q '^total: .*duplicate 0)$' "$work/$out.out"
done
# Both may pick the same row at once; the later event then has no effect, but is still recorded.
sent=$(sed -n 's/^total: .*(applied \([0-9]*\), no effect \([0-9]*\),.*/\1+\2/p' "$work/a.out" "$work/b.out" | paste -sd+)
sent=$((sent))
stored=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE id LIKE 'sim-%'")
check "every event sent is stored under its own id ($sent sent, $stored stored)" test "$sent" -eq "$stored"
check "the simulators sent events ($stored)" test "$stored" -ge 200
check "no phone number is printed" bash -c "! grep -Eq '1[0-9]{10}' '$work/a.out' '$work/b.out'"
check "verify finds no mismatch after simulating" "$bin" verify --db "$db"
"$bin" report --db "$db" --json --at 2026-11-22T20:01:00+08:00 >"$work/report.json"
check "root figures equal a from-scratch recount" python3 "$here/../../scripts/recount-scope.py" "$db" "$work/report.json"
check "events were added ($before before)" test "$(sqlite3 "$db" "SELECT count(*) FROM event")" -gt "$before"
finish
