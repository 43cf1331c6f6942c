#!/usr/bin/env bash
# End-to-end: the store's safety (issue 10, items 2, 4, 5, 8) through the real binary: reads never write,
# foreign and newer files are refused untouched, a 0444 store is readable by another user, events keep
# inside their time window and their ids, the simulator only runs on demo stores, and `demo --force`
# replaces atomically, refuses while a writer is open and leaves no partial files.
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
source "$here/tmux.bash" # sets the EXIT trap that removes $work
chmod 755 "$work"
cd "$work" || exit 1
anchor=2026-11-22T20:00:00+08:00
db="$work/j.sqlite"
sum() { sha1sum "$1" | cut -d' ' -f1; }
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null

# --- item 5: opening for reading never writes; files that are not stores are refused untouched
: >empty.sqlite
python3 -c "import sqlite3; c = sqlite3.connect('other.db'); c.execute('CREATE TABLE contacts(name)'); c.commit()"
ln -s other.db link.sqlite
printf 'just some notes\n' >notes.txt
for f in empty.sqlite other.db link.sqlite notes.txt; do
  before=$(sum "$f")
  for cmd in "report --at $anchor" "tasks --at $anchor" "verify" "ingest /dev/null"; do
    "$bin" $cmd --db "$f" >/dev/null 2>err
    rc=$?
    check "$cmd on $f exits 1 naming the file" test $rc = 1 -a "$(grep -c "^wangge: $f: " err)" = 1
  done
  check "$f is unchanged (checksum) and has no -wal" test "$(sum "$f")" = "$before" -a ! -e "$f-wal"
done
"$bin" report --db other.db 2>err >/dev/null
check "a foreign database is refused as not a Wangge store" grep -q "not a Wangge store" err
"$bin" report --db empty.sqlite 2>err >/dev/null
check "an empty file is refused as such" grep -q "is an empty file" err

cp "$db" future.sqlite
sqlite3 future.sqlite "PRAGMA user_version = 999"
before=$(sum future.sqlite)
"$bin" report --db future.sqlite --at "$anchor" >/dev/null 2>err
check "a store of a newer schema (user_version 999) is refused for reading" grep -q "written by a newer wangge" err
echo '{"id":"f1","type":"group_built","unit":1,"at":"2026-11-22T19:00:00+08:00"}' >one.jsonl
"$bin" ingest one.jsonl --db future.sqlite >/dev/null 2>err
check "… and for writing (ingest)" grep -q "written by a newer wangge" err
check "… and left unchanged" test "$(sum future.sqlite)" = "$before"
cp "$db" unknown.sqlite
sqlite3 unknown.sqlite "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')"
before=$(sum unknown.sqlite)
"$bin" dispatch --db unknown.sqlite --scope 河北街道 --type notice --title t >/dev/null 2>err
check "an unknown migration row is refused for dispatch, unchanged" \
  bash -c "grep -q 'migration v99-from-the-future' err && test \"\$(sha1sum unknown.sqlite | cut -d' ' -f1)\" = $before"

cp "$db" older.sqlite
sqlite3 older.sqlite "DELETE FROM grdb_migrations WHERE identifier = 'v4-event-integrity';
  DROP INDEX event_by_recorded; ALTER TABLE event DROP COLUMN source; ALTER TABLE event DROP COLUMN digest;
  ALTER TABLE event DROP COLUMN place_id; DROP TABLE task_sequence;
  PRAGMA user_version = 0"
before=$(sum older.sqlite)
"$bin" report --db older.sqlite --at "$anchor" >/dev/null 2>err
check "a store of an older schema: report says to run wangge migrate, file unchanged" \
  bash -c "grep -q 'wangge migrate --db' err && test \"\$(sha1sum older.sqlite | cut -d' ' -f1)\" = $before"
check "wangge migrate upgrades it, then report works" \
  bash -c "'$bin' migrate --db older.sqlite >/dev/null && '$bin' report --db older.sqlite --at $anchor >/dev/null"

mkdir ro && cp "$db" ro/r.sqlite && chmod 755 ro && chmod 444 ro/r.sqlite
before=$(sum ro/r.sqlite)
if id nobody >/dev/null 2>&1 && command -v runuser >/dev/null && [[ $(id -u) = 0 ]]; then
  runuser -u nobody -- "$bin" report --db ro/r.sqlite --at "$anchor" >ro.out 2>err
  check "a 0444 store of another user is readable (report as nobody)" grep -q "蛟河市" ro.out
  runuser -u nobody -- "$bin" tasks --db ro/r.sqlite --at "$anchor" >ro.out 2>err
  check "… tasks as nobody too" test -s ro.out
  runuser -u nobody -- "$bin" ingest one.jsonl --db ro/r.sqlite >/dev/null 2>err
  check "… and a writer says it is read-only" grep -q "read-only for this user" err
else
  "$bin" report --db ro/r.sqlite --at "$anchor" >ro.out 2>err
  check "a 0444 store is readable" grep -q "蛟河市" ro.out
fi
check "… and it is unchanged, with no -wal or -shm left beside it" \
  test "$(sum ro/r.sqlite)" = "$before" -a ! -e ro/r.sqlite-wal -a ! -e ro/r.sqlite-shm

# --- item 4: an event's time lies between its task's issue (−5 min) and its recording (+5 min)
unit=$(sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id = 3 AND acked_at IS NULL LIMIT 1")
tally() { sqlite3 "$db" "SELECT acked || '/' || acked_on_time FROM task_tally WHERE task_id = 3 AND place_id = 1"; }
t0=$(tally)
"$bin" ack --db "$db" --task 3 --unit "$unit" --at 1970-01-01T08:00:00+08:00 >/dev/null 2>err
check "a backdated ack (1970) is refused: out of the years 2000–2100" grep -q "at: .*years 2000–2100" err
"$bin" ack --db "$db" --task 3 --unit "$unit" --at 2020-01-01T08:00:00+08:00 >/dev/null 2>err
check "a backdated ack (2020) is rejected with the task's issue time" \
  grep -q "at: before the task was issued (issued 2026-11-2" err
check "… and the tallies are unchanged" test "$(tally)" = "$t0"
echo "{\"id\":\"bd-1\",\"type\":\"ack\",\"task\":3,\"unit\":$unit,\"at\":\"2026-01-01T08:00:00+08:00\"}" >back.jsonl
"$bin" ingest back.jsonl --db "$db" >/dev/null 2>err
check "ingest names LINE: at: before the task was issued" grep -q "^back.jsonl:1: at: before the task was issued" err
hh=$(sqlite3 "$db" "SELECT household_id FROM help_case LIMIT 1")
echo "{\"id\":\"fut-1\",\"type\":\"visit\",\"household\":$hh,\"at\":\"2099-01-01T08:00:00+08:00\"}" >future.jsonl
"$bin" ingest future.jsonl --db "$db" >/dev/null 2>err
check "a visit after its recording time is rejected" grep -q "^future.jsonl:1: at: in the future" err
check "… and no event of either batch was recorded" \
  test "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE id IN ('bd-1', 'fut-1')")" = 0
"$bin" ack --db "$db" --task 3 --unit "$unit" --at 2026-11-22T19:00:00+08:00 --operator 王五 >/dev/null
check "an ack records its operator as the source" \
  test "$(sqlite3 "$db" "SELECT source FROM event WHERE id LIKE 'cli-acknowledged-%'")" = 王五
echo "{\"id\":\"ok-1\",\"type\":\"group_built\",\"unit\":$unit,\"at\":\"2026-11-22T19:00:00+08:00\"}" >ok.jsonl
"$bin" ingest ok.jsonl --db "$db" >/dev/null
check "ingest records ingest:FILE as the source, and the recorded time" \
  test "$(sqlite3 "$db" "SELECT source, recorded_at > at FROM event WHERE id = 'ok-1'")" = "ingest:ok.jsonl|1"

# --- item 6 (ids): the same id with other content is a conflict; the same content a no-op
"$bin" ingest ok.jsonl --db "$db" >out
check "the same id with the same content is already present, nothing changed" grep -q "already present 1" out
sed 's/19:00:00/19:01:00/' ok.jsonl >conflict.jsonl
"$bin" ingest conflict.jsonl --db "$db" >/dev/null 2>err
check "the same id with other content is reported as a conflict" \
  grep -q '^conflict.jsonl:1: id: "ok-1" was already recorded with different content' err
cat ok.jsonl conflict.jsonl | sed 's/ok-1/in-batch/' >batch.jsonl
"$bin" ingest batch.jsonl --db "$db" >/dev/null 2>err
check "… also within one batch, and the batch is not applied" \
  bash -c "grep -q '^batch.jsonl:2: id: \"in-batch\" was already recorded' err && test \"\$(sqlite3 '$db' \"SELECT count(*) FROM event WHERE id = 'in-batch'\")\" = 0"

# --- item 2: the simulator runs only on a store made by `wangge demo`
cp "$db" real.sqlite
sqlite3 real.sqlite "DELETE FROM meta WHERE key = 'demo'"
"$bin" simulate --db real.sqlite --duration 1 >/dev/null 2>err
check "wangge simulate refuses a store without the demo mark" grep -q "is not a demo store" err
check "… and wrote no sim event" test "$(sqlite3 real.sqlite "SELECT count(*) FROM event WHERE id LIKE 'sim-%'")" = 0
mkdir -p xdg/wangge
cp real.sqlite xdg/wangge/wangge.sqlite
term_start 160 48 "env -u WANGGE_DB XDG_DATA_HOME=$work/xdg TERM=xterm-256color '$bin'"
wait_for "蛟河市" 10
sleep 3
screen >board.txt
keys q
check "the board on a default-location store without the mark does not simulate" \
  test "$(sqlite3 xdg/wangge/wangge.sqlite "SELECT count(*) FROM event WHERE id LIKE 'sim-%'")" = 0
check "… and shows no DEMO banner (the board was up: 蛟河市 on screen)" \
  bash -c "grep -q 蛟河市 board.txt && ! grep -q DEMO board.txt"
check "… and quits cleanly" clean_exit
cp "$db" xdg/wangge/wangge.sqlite
rm -f xdg/wangge/wangge.sqlite-*
term_start 160 48 "env -u WANGGE_DB XDG_DATA_HOME=$work/xdg TERM=xterm-256color '$bin'"
wait_for "DEMO" 10
sleep 3
screen >board.txt
keys q
check "the demo board quits cleanly" clean_exit
check "on a demo store the board simulates and says 演示数据 DEMO" \
  bash -c "grep -q '演示数据 DEMO' board.txt && test \"\$(sqlite3 xdg/wangge/wangge.sqlite \"SELECT count(*) FROM event WHERE id LIKE 'sim-%' AND source = 'sim'\")\" -gt 0"

# --- item 8: demo --force replaces atomically, refuses while a writer has the store open, cleans up
"$bin" simulate --db "$db" --duration 3 --rate 20 >/dev/null 2>&1 &
sim=$!
sleep 1
inode=$(stat -c %i "$db")
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" --force >/dev/null 2>err
rc=$?
check "demo --force refuses while a simulator has the store open for writing" \
  bash -c "test $rc = 1 && grep -q 'another process has this store open for writing' err"
wait $sim
check "… the old store stays in place with the simulator's events" \
  test "$(stat -c %i "$db")" = "$inode" -a "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE id LIKE 'sim-%'")" -gt 0
: >"$db.partial-999999"
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" --force >/dev/null
check "with no writer, demo --force renames a new store over the old one" \
  test "$(stat -c %i "$db")" != "$inode" -a "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE id LIKE 'sim-%'")" = 0
check "… the partial file of a dead process is removed" test ! -e "$db.partial-999999"
check "… the new store verifies" "$bin" verify --db "$db"
before=$(sum "$db")
"$bin" demo --preset district --db "$db" --anchor "$anchor" --force >/dev/null 2>err &
demo=$!
sleep 1.5
kill -TERM $demo
wait $demo
rc=$?
check "SIGTERM stops demo --force (exit 143) and says the partial store was removed" \
  bash -c "test $rc = 143 && grep -q 'partial store was removed' err"
check "… no partial file is left and the old store is untouched" \
  bash -c "! ls '$db'.partial-* 2>/dev/null | grep -q . && test \"\$(sha1sum '$db' | cut -d' ' -f1)\" = $before"
"$bin" demo --preset district --db "$db" --anchor "$anchor" --force >/dev/null 2>&1 &
demo=$!
sleep 1.5
kill -KILL $demo
wait $demo 2>/dev/null
check "kill -9 leaves the old store in place (never deleted first)" test "$(sum "$db")" = "$before"
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" --force >/dev/null
check "… and the next run removes the killed run's partial files" bash -c "! ls '$db'.partial-* 2>/dev/null | grep -q ."
"$bin" demo --db other.db --force >/dev/null 2>err
check "demo --force does not replace a file that is not a Wangge store" \
  bash -c "grep -q 'replaces only Wangge stores' err && test -z \"\$(sqlite3 other.db \"SELECT name FROM sqlite_master WHERE name = 'meta'\")\""
finish
