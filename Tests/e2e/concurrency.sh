#!/usr/bin/env bash
# End-to-end, once per engine (SQLite always; PostgreSQL when scripts/test gave a server in
# WANGGE_TEST_POSTGRES): on a district store, 8 writer processes ingest 20,000 acknowledgements each
# — every pending assignment sent by two writers, at different times — while a dispatch to the whole
# district races them and a reader renders the board over and over. Then: no process saw an error
# (conflicts are retried inside the engine), every event is recorded once, the earliest
# acknowledgement of each assignment won, the dispatch reached every unit, and verify is clean.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap '[[ -n ${pgdb:-} ]] && psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
anchor=2026-11-22T20:00:00+08:00
writers=8
per_writer=20000
quietly() { "$@" >/dev/null; }

sql() {  # sql ENGINE DB QUERY: one query with the engine's own client, rows as a|b|c
  if [[ $1 == sqlite ]]; then sqlite3 "$2" "$3"; else psql "$2" -qAtX -F '|' -c "$3"; fi
}

race() {  # race ENGINE DB
  local engine=$1 db=$2 e
  check "$engine: district store generated" quietly "$bin" demo --preset district --db "$db" --anchor "$anchor"
  sql "$engine" "$db" "SELECT a.task_id, a.unit_id, t.issued_at FROM assignment a JOIN task t ON t.id = a.task_id
    WHERE a.acked_at IS NULL ORDER BY a.task_id, a.unit_id" >"$work/$engine.pending"
  local pending units root
  pending=$(wc -l <"$work/$engine.pending")
  units=$(sql "$engine" "$db" "SELECT count(*) FROM unit")
  root=$(sql "$engine" "$db" "SELECT name FROM place WHERE parent_id IS NULL")
  # Writer w sends the 20,000 pending assignments from w × 10,000 on (wrapping): each one comes from two
  # writers, w at issue + w minutes, so the lower-numbered writer's is the earliest (writer 8's
  # wrap onto writer 1's share loses to writer 1).
  python3 - "$work/$engine.pending" "$work/$engine" "$writers" "$per_writer" <<'PY'
import sys, datetime
pending = [l.rstrip("\n").split("|") for l in open(sys.argv[1])]
out, writers, per = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
tz = datetime.timezone(datetime.timedelta(hours=8))
earliest = {}
for w in range(1, writers + 1):
    with open("%s-w%d.jsonl" % (out, w), "w") as f:
        for k in range(per):
            task, unit, issued = pending[((w - 1) * per // 2 + k) % len(pending)]
            at = int(issued) + 60 * w
            key = (int(task), int(unit))
            earliest[key] = min(earliest.get(key, at), at)
            iso = datetime.datetime.fromtimestamp(at, tz).isoformat()
            f.write('{"id":"cc-%d-%d","type":"ack","task":%s,"unit":%s,"at":"%s"}\n' % (w, k, task, unit, iso))
with open(out + ".earliest", "w") as f:
    for (t, u), at in sorted(earliest.items()):
        f.write("%d|%d|%d\n" % (t, u, at))
PY
  local covered
  covered=$(wc -l <"$work/$engine.earliest")
  : >"$work/$engine.stop"
  rm -f "$work/$engine.stop"
  (n=0; while [[ ! -e $work/$engine.stop ]]; do
     "$bin" snapshot --db "$db" --at "$anchor" --size 120x40 >/dev/null 2>>"$work/$engine.reader.err" || echo fail >>"$work/$engine.reader.fail"
     n=$((n + 1)); done; echo "$n" >"$work/$engine.reader.count") &
  local reader=$! pids=() started=$SECONDS
  for w in $(seq "$writers"); do
    "$bin" ingest --db "$db" --batch 500 "$work/$engine-w$w.jsonl" >"$work/$engine-w$w.out" 2>&1 &
    pids+=($!)
  done
  "$bin" dispatch --db "$db" --scope "$root" --type notice --title 并发下发 --at "$anchor" --json \
    >"$work/$engine.dispatch" 2>&1 &
  pids+=($!)
  local broke=0
  for p in "${pids[@]}"; do wait "$p" || broke=$((broke + 1)); done
  local took=$((SECONDS - started))
  touch "$work/$engine.stop"
  wait "$reader"
  echo "     $engine: $writers × $per_writer events over $pending pending assignments ($covered sent), a dispatch to $units units and $(cat "$work/$engine.reader.count") board frames in ${took} s"
  check "$engine: every writer and the dispatch exited 0 ($broke did not)" test "$broke" = 0
  [[ $broke == 0 ]] || tail -n 3 "$work"/$engine-w*.out "$work/$engine.dispatch" | sed "s/^/     /"
  check "$engine: no error reached a writer's output" bash -c "! grep -il 'error\|failed\|serializ\|deadlock' '$work'/$engine-w*.out"
  check "$engine: the reader rendered the board throughout without an error" test ! -e "$work/$engine.reader.fail"
  check "$engine: every event recorded once ($((writers * per_writer)))" \
    test "$(sql "$engine" "$db" "SELECT count(*) FROM event WHERE id LIKE 'cc-%'")" = $((writers * per_writer))
  sql "$engine" "$db" "SELECT task_id, unit_id, acked_at FROM assignment WHERE acked_at IS NOT NULL ORDER BY task_id, unit_id" >"$work/$engine.acked"
  check "$engine: the earliest acknowledgement won for each of the $covered assignments" python3 - "$work/$engine.earliest" "$work/$engine.acked" <<'PY'
import sys
want = {tuple(l.split("|")[:2]): l.split("|")[2].strip() for l in open(sys.argv[1])}
got = {tuple(l.split("|")[:2]): l.split("|")[2].strip() for l in open(sys.argv[2])}
bad = [k for k, at in want.items() if got.get(k) != at]
if bad:
    print("     %d wrong, e.g. %s: want %s, got %s" % (len(bad), bad[0], want[bad[0]], got.get(bad[0])))
sys.exit(1 if bad else 0)
PY
  local task reached
  task=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['task'])" "$work/$engine.dispatch" 2>/dev/null)
  reached=$(sql "$engine" "$db" "SELECT count(*) FROM assignment WHERE task_id = ${task:-0}")
  check "$engine: the racing dispatch reached all $units units (task ${task:-?}: $reached)" test "$reached" = "$units"
  check "$engine: verify is clean" quietly "$bin" verify --db "$db"
}

race sqlite "$work/race.sqlite"
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  pgdb="wangge_race_$$"
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
  race postgres "${WANGGE_TEST_POSTGRES%/*}/$pgdb"
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
else
  echo "skipped the PostgreSQL half: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
fi
finish
