#!/usr/bin/env bash
# End-to-end, once per engine (SQLite always; PostgreSQL when scripts/test gave a server): `wangge
# verify` finds each kind of broken rollup. Each rollup table is changed by hand with the engine's own
# client; verify must exit 1 and name the table, row and field with the stored and recounted values;
# with the change undone it is clean again.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap '[[ -n ${pgdb:-} ]] && psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1; rm -rf "$work"' EXIT
anchor=2026-11-22T20:00:00+08:00
quietly() { "$@" >/dev/null; }
sql() { if [[ $1 == sqlite ]]; then sqlite3 "$2" "$3"; else psql "$2" -qAtX -c "$3"; fi; }

finds() {  # finds ENGINE DB TEXT: verify exits 1 and prints TEXT
  "$bin" verify --db "$2" >"$work/out" 2>&1
  local status=$?
  [[ $status == 1 ]] && grep -qF -- "$3" "$work/out" || { echo "     status $status:"; head -3 "$work/out" | sed 's/^/     /'; return 1; }
}

broken() {  # broken ENGINE DB
  local e=$1 db=$2 root tally due level
  check "$e: demo store generated and clean" bash -c "'$bin' demo --db '$db' --anchor $anchor >/dev/null && '$bin' verify --db '$db' >/dev/null"
  root=$(sql "$e" "$db" "SELECT id FROM place WHERE parent_id IS NULL")
  local households
  households=$(sql "$e" "$db" "SELECT households FROM place_stats WHERE place_id = $root")
  sql "$e" "$db" "UPDATE place_stats SET households = households + 1 WHERE place_id = $root"
  check "$e: a place's household count off by one" finds "$e" "$db" "place_stats place $root households: stored $((households + 1)), recounted $households"
  sql "$e" "$db" "UPDATE place_stats SET households = households - 1 WHERE place_id = $root"
  tally=$(sql "$e" "$db" "SELECT place_id || ' task ' || task_id FROM task_tally ORDER BY place_id, task_id LIMIT 1")
  sql "$e" "$db" "UPDATE task_tally SET acked = acked + 1 WHERE place_id || ' task ' || task_id = '$tally'"
  check "$e: a task tally's acknowledgements off by one" finds "$e" "$db" "task_tally place $tally acked"
  sql "$e" "$db" "UPDATE task_tally SET acked = acked - 1 WHERE place_id || ' task ' || task_id = '$tally'"
  sql "$e" "$db" "INSERT INTO task_tally(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time) VALUES ($root, 999999, 1, 0, 0, 0, 0)"
  check "$e: a tally for a task that does not exist" finds "$e" "$db" "task_tally place $root task 999999 assigned: stored 1, recounted 0"
  sql "$e" "$db" "DELETE FROM task_tally WHERE task_id = 999999"
  due=$(sql "$e" "$db" "SELECT place_id || ' household ' || household_id FROM help_due ORDER BY place_id, household_id LIMIT 1")
  sql "$e" "$db" "UPDATE help_due SET due_at = due_at + 1 WHERE place_id || ' household ' || household_id = '$due'"
  check "$e: a help household's due time moved" finds "$e" "$db" "help_due place $due due_at"
  sql "$e" "$db" "UPDATE help_due SET due_at = due_at - 1 WHERE place_id || ' household ' || household_id = '$due'"
  level=$(sql "$e" "$db" "SELECT place_id || ' depth ' || depth FROM level_count ORDER BY place_id, depth LIMIT 1")
  sql "$e" "$db" "UPDATE level_count SET count = count + 1 WHERE place_id || ' depth ' || depth = '$level'"
  check "$e: a level count off by one" finds "$e" "$db" "level_count place $level count"
  sql "$e" "$db" "UPDATE level_count SET count = count - 1 WHERE place_id || ' depth ' || depth = '$level'"
  check "$e: every change undone, verify is clean again" quietly "$bin" verify --db "$db"
}

broken sqlite "$work/v.sqlite"
if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  pgdb="wangge_verify_$$"
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
  broken postgres "${WANGGE_TEST_POSTGRES%/*}/$pgdb"
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
else
  echo "skipped the PostgreSQL half: no server (WANGGE_TEST_POSTGRES); scripts/test starts one"
fi
finish
