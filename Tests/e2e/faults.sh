#!/usr/bin/env bash
# End-to-end faults: kill -9 at seeded random moments (from 0 to the command's measured duration)
# during `wangge ingest` of a large event file, a city-wide `wangge dispatch` and `wangge demo --force`
# (KILLS each, default 20); after every kill the store passes `PRAGMA integrity_check` and `verify`,
# and the resumed run gives exactly the figures of a run never killed. Then 8 writer processes
# (ingest of disjoint and overlapping files, and `ack`) with 2 readers on one store: exact totals,
# the earliest acknowledgement wins, verify clean. Reproduce a run with FAULTS_SEED=N.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'jobs -p | xargs -r kill -9 2>/dev/null; rm -rf "$work"' EXIT
seed=${FAULTS_SEED:-20261122}
kills=${FAULTS_KILLS:-20}
RANDOM=$seed
echo "faults: seed $seed, $kills kills per command"
anchor=2026-11-22T20:00:00+08:00
at=2026-11-22T21:00:00+08:00
base="$work/base.sqlite"
"$bin" demo --preset jiaohe --db "$base" --anchor "$anchor" >/dev/null || exit 1

fresh() {  # fresh NAME: a copy of the demo store without stale -wal/-shm beside it
  rm -f "$work/$1".sqlite*
  cp "$base" "$work/$1.sqlite"
  echo "$work/$1.sqlite"
}
ms() { date +%s%3N; }
integrity() { [[ $(sqlite3 "$1" 'PRAGMA integrity_check') == ok ]]; }
report() { "$bin" report --db "$1" --json --at "$at"; }
# kill_at PID MS: kill -9 after MS milliseconds; counts in $mid the kills that found it running.
kill_at() {
  sleep "$(printf '%d.%03d' $(($2 / 1000)) $(($2 % 1000)))"
  kill -9 "$1" 2>/dev/null && mid=$((mid + 1))
  { wait "$1"; } 2>/dev/null
}

# Events for the demo's task 6 (issued 18:00): three acknowledgements per pending unit (the earliest,
# 18:20, wins), a finish per unfinished unit, and reachability of 15,000 households.
python3 - "$base" "$work/events.jsonl" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
T = "2026-11-22T%s+08:00"
with open(sys.argv[2], "w") as f:
    for (u,) in c.execute("SELECT unit_id FROM assignment WHERE task_id = 6 AND acked_at IS NULL ORDER BY unit_id"):
        for k, hm in enumerate(("18:40:00", "18:20:00", "18:30:00")):
            f.write('{"id":"fa-%d-%d","type":"ack","task":6,"unit":%d,"at":"%s"}\n' % (u, k, u, T % hm))
    for (u,) in c.execute("SELECT unit_id FROM assignment WHERE task_id = 6 AND finished_at IS NULL ORDER BY unit_id"):
        f.write('{"id":"fd-%d","type":"done","task":6,"unit":%d,"at":"%s","result":{"checked":%d}}\n'
                % (u, u, T % "19:30:00", u % 7))
    for (h,) in c.execute("SELECT id FROM household ORDER BY id LIMIT 15000"):
        f.write('{"id":"fr-%d","type":"reached","household":%d,"via":"%s","at":"%s"}\n'
                % (h, h, ("group", "phone")[h % 2], T % "19:00:00"))
PY
events=$(wc -l <"$work/events.jsonl")

# --- kill -9 during ingest
ref=$(fresh ref)
t0=$(ms)
"$bin" ingest --db "$ref" --batch 500 "$work/events.jsonl" >/dev/null || echo "FAIL the reference ingest"
duration=$(($(ms) - t0))
report "$ref" >"$work/ref.json"
again=$(fresh again)
"$bin" ingest --db "$again" --batch 500 "$work/events.jsonl" >/dev/null
check "two runs never killed give the same report (the comparison is sound)" cmp -s "$work/ref.json" <(report "$again")
mid=0 bad_integrity=0 bad_verify=0 bad_resume=0
for ((k = 1; k <= kills; k++)); do
  db=$(fresh killed)
  delay=$((RANDOM * 32768 + RANDOM))
  delay=$((delay % (duration * 9 / 10 + 1)))
  "$bin" ingest --db "$db" --batch 500 "$work/events.jsonl" >/dev/null 2>&1 &
  kill_at $! "$delay"
  integrity "$db" || { bad_integrity=$((bad_integrity + 1)); echo "     kill $k at $delay ms: integrity_check failed"; }
  "$bin" verify --db "$db" >/dev/null 2>&1 || { bad_verify=$((bad_verify + 1)); echo "     kill $k at $delay ms: verify failed"; }
  "$bin" ingest --db "$db" --batch 500 "$work/events.jsonl" >/dev/null 2>&1
  cmp -s "$work/ref.json" <(report "$db") || { bad_resume=$((bad_resume + 1)); echo "     kill $k at $delay ms: resumed report differs"; }
done
echo "     ingest of $events events takes $duration ms; $mid of $kills kills landed mid-run"
check "ingest killed $kills times: PRAGMA integrity_check ok after each" test $bad_integrity -eq 0
check "ingest killed $kills times: verify clean after each" test $bad_verify -eq 0
check "ingest killed $kills times: the resumed run's report equals the unkilled one" test $bad_resume -eq 0
check "most kills landed while ingest was running ($mid of $kills)" test $((mid * 2)) -ge "$kills"

# --- kill -9 during a city-wide dispatch (4,868 units): all or nothing, and a resumed run completes it
units=$(sqlite3 "$base" 'SELECT count(*) FROM unit')
tasks_before=$(sqlite3 "$base" 'SELECT count(*) FROM task')
probe=$(fresh probe)
t0=$(ms)
"$bin" dispatch --db "$probe" --scope 蛟河市 --type notice --title 断电测试 >/dev/null || echo "FAIL the reference dispatch"
duration=$(($(ms) - t0))
mid=0 bad_integrity=0 bad_verify=0 bad_atomic=0 bad_resume=0
dispatched() {  # tasks titled 断电测试, and their assignments
  sqlite3 "$1" "SELECT count(*) || ' ' || (SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id
    WHERE t.title = '断电测试') FROM task WHERE title = '断电测试'"
}
for ((k = 1; k <= kills; k++)); do
  db=$(fresh killed)
  delay=$((RANDOM % (duration * 9 / 10 + 1)))
  "$bin" dispatch --db "$db" --scope 蛟河市 --type notice --title 断电测试 >/dev/null 2>&1 &
  kill_at $! "$delay"
  integrity "$db" || { bad_integrity=$((bad_integrity + 1)); echo "     kill $k at $delay ms: integrity_check failed"; }
  "$bin" verify --db "$db" >/dev/null 2>&1 || { bad_verify=$((bad_verify + 1)); echo "     kill $k at $delay ms: verify failed"; }
  state=$(dispatched "$db")
  if [[ $state == "0 0" ]]; then
    "$bin" dispatch --db "$db" --scope 蛟河市 --type notice --title 断电测试 >/dev/null 2>&1
    state=$(dispatched "$db")
  elif [[ $state != "1 $units" ]]; then
    bad_atomic=$((bad_atomic + 1))
    echo "     kill $k at $delay ms: half a dispatch ($state)"
  fi
  [[ $state == "1 $units" && $(sqlite3 "$db" 'SELECT count(*) FROM task') == $((tasks_before + 1)) ]] &&
    "$bin" verify --db "$db" >/dev/null 2>&1 || { bad_resume=$((bad_resume + 1)); echo "     kill $k at $delay ms: after resuming: $state"; }
done
echo "     a dispatch to $units units takes $duration ms; $mid of $kills kills landed mid-run"
check "dispatch killed $kills times: PRAGMA integrity_check ok after each" test $bad_integrity -eq 0
check "dispatch killed $kills times: verify clean after each" test $bad_verify -eq 0
check "dispatch killed $kills times: the task is there with all $units assignments or not at all" test $bad_atomic -eq 0
check "dispatch killed $kills times: the resumed run leaves exactly one task of $units assignments" test $bad_resume -eq 0

# --- kill -9 during demo --force: a usable store is always there (old or new: both equal the
# reference, same seed and anchor), and the next run leaves no partial files
demo_db="$work/demo/d.sqlite"
mkdir -p "$work/demo"
"$bin" demo --preset jiaohe --db "$demo_db" --anchor "$anchor" >/dev/null
report "$demo_db" >"$work/demo-ref.json"
t0=$(ms)
"$bin" demo --preset jiaohe --db "$demo_db" --anchor "$anchor" --force >/dev/null
duration=$(($(ms) - t0))
mid=0 bad_store=0 bad_partial=0
for ((k = 1; k <= kills; k++)); do
  delay=$((RANDOM % (duration * 9 / 10 + 1)))
  "$bin" demo --preset jiaohe --db "$demo_db" --anchor "$anchor" --force >/dev/null 2>&1 &
  kill_at $! "$delay"
  if ! [[ -f $demo_db ]] || ! integrity "$demo_db" || ! cmp -s "$work/demo-ref.json" <(report "$demo_db" 2>/dev/null) ||
    ! "$bin" verify --db "$demo_db" >/dev/null 2>&1; then
    bad_store=$((bad_store + 1))
    echo "     kill $k at $delay ms: no usable store ($(ls "$work/demo" | tr '\n' ' '))"
  fi
  "$bin" demo --preset jiaohe --db "$demo_db" --anchor "$anchor" --force >/dev/null 2>&1
  if compgen -G "$work/demo/*.partial-*" >/dev/null; then
    bad_partial=$((bad_partial + 1))
    echo "     kill $k at $delay ms: $(cd "$work/demo" && ls -- *.partial-* | wc -l) partial files left after the next run"
  fi
done
echo "     demo --force takes $duration ms; $mid of $kills kills landed mid-run"
check "demo --force killed $kills times: a store equal to the reference (integrity, verify) is there after each" test $bad_store -eq 0
check "demo --force killed $kills times: no *.partial-* file after the next run" test $bad_partial -eq 0

# --- concurrency: 8 writers (6 ingest processes, 2 ack loops) and 2 readers on one store
db=$(fresh concurrent)
sqlite3 "$db" 'SELECT unit_id FROM assignment WHERE task_id = 6 AND acked_at IS NULL ORDER BY unit_id' >"$work/pending"
pending=$(wc -l <"$work/pending")
# Processes 1-3 take disjoint thirds; processes 4-6 send every unit again, later (overlap, lose).
# Each line: unit, minute past 18:00. The two ack loops acknowledge the first 20 units earliest (18:05).
awk -v n="$pending" '{
    p = int((NR - 1) * 3 / n) + 1
    printf "{\"id\":\"cc-%d-%d\",\"type\":\"ack\",\"task\":6,\"unit\":%d,\"at\":\"2026-11-22T18:%02d:00+08:00\"}\n", p, NR, $1, 10 + p >("'"$work"'/cc-" p ".jsonl")
    for (q = 4; q <= 6; q++)
      printf "{\"id\":\"cc-%d-%d\",\"type\":\"ack\",\"task\":6,\"unit\":%d,\"at\":\"2026-11-22T18:%02d:00+08:00\"}\n", q, NR, $1, 30 + q >("'"$work"'/cc-" q ".jsonl")
  }' "$work/pending"
head -20 "$work/pending" >"$work/early"
readers_ok=1
reader() {
  local n=0
  while [[ ! -f $work/stop ]]; do
    report "$db" | python3 -c 'import json,sys; json.load(sys.stdin)' || { echo fail >"$work/reader-$1.fail"; }
    n=$((n + 1))
  done
  echo "$n" >"$work/reader-$1.count"
}
reader 1 & r1=$!
reader 2 & r2=$!
for p in 1 2 3 4 5 6; do "$bin" ingest --db "$db" --batch 200 "$work/cc-$p.jsonl" >"$work/cc-$p.out" 2>&1 & done
for a in 1 2; do
  (while read -r u; do "$bin" ack --db "$db" --task 6 --unit "$u" --at 2026-11-22T18:05:00+08:00 >/dev/null 2>&1 || echo "$u" >>"$work/ack-$a.fail"; done <"$work/early") &
done
wait $(jobs -p | grep -v -e "^$r1\$" -e "^$r2\$")
touch "$work/stop"
wait "$r1" "$r2"
check "all six ingest processes succeeded" test "$(grep -l applied "$work"/cc-*.out | wc -l)" = 6
check "both ack loops succeeded for all 20 units" test ! -e "$work/ack-1.fail" -a ! -e "$work/ack-2.fail"
check "both readers ran throughout without an error ($(cat "$work"/reader-*.count | tr '\n' ' ')reports)" \
  test ! -e "$work/reader-1.fail" -a ! -e "$work/reader-2.fail"
check "every ingested event recorded once ($((pending * 4)) events)" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE id LIKE 'cc-%'")" = $((pending * 4))
check "exactly the $pending pending units are acknowledged now, none twice" \
  test "$(sqlite3 "$db" 'SELECT count(*) FROM assignment WHERE task_id = 6 AND acked_at IS NULL')" = 0
first=$(sqlite3 "$db" "SELECT count(*) FROM assignment WHERE task_id = 6 AND unit_id IN ($(paste -sd, "$work/early"))
  AND acked_at = strftime('%s', '2026-11-22T10:05:00')")
check "the earliest acknowledgement won: the 20 acked at 18:05 by the ack loops ($first)" test "$first" = 20
late=$(python3 - "$db" "$work" <<'PY'
import sqlite3, sys, json
db, work = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
early = set(int(l) for l in open(work + "/early"))
want = {}
for p in (1, 2, 3):
    for line in open("%s/cc-%d.jsonl" % (work, p)):
        e = json.loads(line)
        want[e["unit"]] = 1795341600 + (10 + p) * 60
bad = sum(1 for u, t in c.execute("SELECT unit_id, acked_at FROM assignment WHERE task_id = 6")
          if u in want and u not in early and t != want[u])
print(bad)
PY
)
check "the earliest acknowledgement won for every other unit (its disjoint process, not the later overlap)" test "$late" = 0
acked=$(report "$db" | python3 -c "import json,sys; print([t for t in json.load(sys.stdin)['tasks'] if t['id'] == 6][0]['acknowledged'])")
check "wangge report counts all 4,868 acknowledged for task 6" test "$acked" = "$units"
check "verify finds no mismatch" "$bin" verify --db "$db"
finish
