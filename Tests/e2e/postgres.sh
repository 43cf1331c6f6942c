#!/usr/bin/env bash
# End-to-end on PostgreSQL: `wangge demo` straight into a database gives the SQLite demo's report field
# for field; `wangge copy` SQLite → PostgreSQL → SQLite round-trips with verify clean and the same
# reports; copy refuses an existing target and a failed copy leaves none. Needs WANGGE_TEST_POSTGRES
# (scripts/test starts a throw-away cluster and exports it); skipped with a message otherwise.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
if [[ -z ${WANGGE_TEST_POSTGRES:-} ]]; then
  echo "skipped: postgres.sh needs WANGGE_TEST_POSTGRES (a server URL; scripts/test starts one)"
  finish
  exit
fi
command -v psql >/dev/null || { echo "skipped: postgres.sh needs psql (Debian postgresql-client)"; finish; exit; }
work=$(mktemp -d)
server=$WANGGE_TEST_POSTGRES
dbs=()
# url_of NAME: the server's URL naming database NAME.
url_of() {
  local base=${server%%\?*} query=
  [[ $server == *\?* ]] && query="?${server#*\?}"
  local scheme=${base%%://*} rest=${base#*://}
  echo "$scheme://${rest%%/*}/$1$query"
}
newdb() {  # newdb NAME: creates an empty database, dropped on exit
  local name="wangge_e2e_$1_$$"
  psql -qX "$server" -c "CREATE DATABASE $name" >/dev/null
  dbs+=("$name")
  url_of "$name"
}
cleanup() {
  for d in "${dbs[@]}"; do psql -qX "$server" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
anchor=2026-11-22T20:00:00+08:00
at=2026-11-22T21:30:00+08:00

pg=$(newdb demo)
"$bin" demo --preset jiaohe --seed 5 --anchor "$anchor" --db "$pg" >"$work/pg-demo.out" 2>&1
check "demo --preset jiaohe --db postgres://… succeeds" test $? -eq 0
check "demo names the database, not an SQLite file" grep -q "→ postgres.*demo_$$" "$work/pg-demo.out"
"$bin" demo --preset jiaohe --seed 5 --anchor "$anchor" --db "$work/j.sqlite" >/dev/null
for scope in "" "--scope 河北街道" "--scope 河北街道/水映花城社区"; do
  # shellcheck disable=SC2086
  "$bin" report --json --at "$at" --db "$pg" $scope >"$work/pg.json" 2>"$work/pg.err"
  # shellcheck disable=SC2086
  "$bin" report --json --at "$at" --db "$work/j.sqlite" $scope >"$work/sq.json"
  check "report --json ${scope:-(whole grid)}: PostgreSQL equals SQLite field for field" \
    bash -c "test -s '$work/pg.json' && cmp -s '$work/pg.json' '$work/sq.json'"
done
check "verify on the PostgreSQL demo is clean" "$bin" verify --db "$pg"
"$bin" report --json --at "$at" --db "$pg" >"$work/pg-before.json"

"$bin" demo --preset jiaohe --seed 6 --anchor "$anchor" --db "$pg" >/dev/null 2>"$work/again.err"
check "demo refuses an existing PostgreSQL store without --force" test $? -ne 0
check "the refusal names the database and --force" grep -q "demo_$$.*--force" "$work/again.err"
"$bin" report --json --at "$at" --db "$pg" >"$work/pg-after.json"
check "the refused demo left the store as it was" \
  bash -c "test -s '$work/pg-after.json' && cmp -s '$work/pg-after.json' '$work/pg-before.json'"

# copy: SQLite → PostgreSQL → SQLite (with a baseline and a decision, so the meeting tables travel).
"$bin" baseline mark --db "$work/j.sqlite" --name 早例会 --at "$at" >/dev/null
"$bin" decision add --db "$work/j.sqlite" --scope 蛟河市 --text 补齐卡口值守 --owner 第一书记 --at "$at" >/dev/null
up=$(newdb up)
"$bin" copy --from "$work/j.sqlite" --to "$up" >"$work/up.out" 2>&1
check "copy SQLite → PostgreSQL succeeds" test $? -eq 0
check "copy prints the rows per table and a clean verify" \
  bash -c "grep -q 'household 65,196' '$work/up.out' && grep -q 'verified' '$work/up.out'"
"$bin" copy --from "$up" --to "$work/back.sqlite" >"$work/down.out" 2>&1
check "copy PostgreSQL → SQLite succeeds, verified" bash -c "grep -q verified '$work/down.out'"
check "verify on the round-tripped SQLite store is clean" "$bin" verify --db "$work/back.sqlite"
"$bin" report --json --at "$at" --db "$up" >"$work/up.json"
"$bin" report --json --at "$at" --db "$work/back.sqlite" >"$work/back.json"
"$bin" report --json --at "$at" --db "$work/j.sqlite" >"$work/orig.json"
check "the copied PostgreSQL store reports what the original did" cmp -s "$work/up.json" "$work/orig.json"
check "the round-tripped SQLite store reports what the original did" cmp -s "$work/back.json" "$work/orig.json"
check "the round trip keeps every row (sqlite3 dump of the data tables)" bash -c "
  for t in place household help_case assignment task_tally place_stats help_due help_due_hour task_sequence \
    screening_result screening_tally returnee arrival isolation_case isolation_check isolation_stats isolation_due \
    isolation_due_hour isolation_day; do
    diff <(sqlite3 '$work/j.sqlite' \"SELECT * FROM \$t ORDER BY 1, 2\") <(sqlite3 '$work/back.sqlite' \"SELECT * FROM \$t ORDER BY 1, 2\") >/dev/null || exit 1
  done"
check "the round trip keeps the meeting tables (baseline, its figures, the decision)" bash -c "
  for t in baseline baseline_figure decision duty_post duty_sign; do
    diff <(sqlite3 '$work/j.sqlite' \"SELECT * FROM \$t ORDER BY 1, 2\") <(sqlite3 '$work/back.sqlite' \"SELECT * FROM \$t ORDER BY 1, 2\") >/dev/null || exit 1
  done
  test \$(sqlite3 '$work/back.sqlite' 'SELECT count(*) FROM baseline_figure') -gt 1000 &&
  test \$(sqlite3 '$work/back.sqlite' 'SELECT count(*) FROM decision') -eq 1"

# copy refuses an existing target (both engines), and --force replaces it.
"$bin" copy --from "$work/j.sqlite" --to "$up" >/dev/null 2>"$work/refuse.err"
check "copy refuses an existing PostgreSQL store without --force" \
  bash -c "test $? -ne 0 && grep -q -- '--force' '$work/refuse.err'"
"$bin" copy --from "$up" --to "$work/back.sqlite" >/dev/null 2>"$work/refuse2.err"
check "copy refuses an existing SQLite file without --force" test $? -ne 0
"$bin" copy --from "$work/j.sqlite" --to "$up" --force >/dev/null 2>&1
check "copy --force replaces the PostgreSQL store" test $? -eq 0
"$bin" copy --from "$work/nothing.sqlite" --to "$work/never.sqlite" >/dev/null 2>&1
check "copy from a missing store fails and writes nothing" bash -c "test $? -ne 0 && test ! -e '$work/never.sqlite'"
"$bin" copy --from "postgres://postgres:hunter2@127.0.0.1:1/x" --to "$work/never.sqlite" >/dev/null 2>"$work/down.err"
check "an unreachable server: non-zero, names host and port, never the password" \
  bash -c "grep -q '127.0.0.1:1' '$work/down.err' && ! grep -q hunter2 '$work/down.err' && test ! -e '$work/never.sqlite'"
finish
