#!/usr/bin/env bash
# End-to-end: the hostile inputs of issue 10 (items 1, 3, 6, 7) on a Jiaohe demo store. Each must exit
# non-zero with a message naming the field and its bound, leave the store byte-identical and not crash.
# Then a store poisoned by raw SQL (as an older binary could write it) must stay readable and `verify`
# must name the rows. (Byte identity of the file after a command that opens the store also needs opening
# for reading not to write: until then every open bumps the schema cookie; rows are compared as well.)
set -uo pipefail
bin=${1:-${WANGGE_BIN:-.build/debug/wangge}}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/j.sqlite"
anchor=2026-11-22T20:00:00+08:00
"$bin" demo --preset jiaohe --db "$db" --anchor "$anchor" >/dev/null
# The first open of a fresh demo store records its migrations; do it once so later checksums compare
# only what a refused command does.
"$bin" verify --db "$db" >/dev/null

quiet() { "$@" >/dev/null 2>&1; }

# The file's checksum after folding the WAL into it.
digest() {
  sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  sha256sum <"$1" | cut -d' ' -f1
}

# refused "what" "pattern the message must hold" command... : non-zero, no crash, message, store unchanged.
refused() {
  local what=$1 pattern=$2
  shift 2
  local before after rc rows_before rows_after
  before=$(digest "$db")
  rows_before=$(sqlite3 "$db" .dump | sha256sum)
  timeout 30 "$@" >"$work/out" 2>&1
  rc=$?
  after=$(digest "$db")
  rows_after=$(sqlite3 "$db" .dump | sha256sum)
  check "$what: exits non-zero ($rc)" test "$rc" -ne 0
  check "$what: no crash or timeout" test "$rc" -lt 124
  check "$what: says \"$pattern\"" grep -qF -- "$pattern" "$work/out"
  check "$what: every row unchanged" test "$rows_before" = "$rows_after"
  check "$what: store byte-identical" test "$before" = "$after"
  if ! grep -qF -- "$pattern" "$work/out"; then sed 's/^/     | /' "$work/out" | head -5; fi
}

# 1. One dispatch poisons the store.
scope=河北街道/水映花城社区
refused "dispatch --finish-within 106751991167300d" "--finish-within: at most 30 days" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --finish-within 106751991167300d
refused "dispatch --ack-within 9223372036854775807s" "--ack-within: at most 30 days" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --ack-within 9223372036854775807s
# A bare number could mean seconds or minutes: refused with the accepted forms (one grammar, issue 11).
refused "dispatch --ack-within 9223372036854775807" "--ack-within: \"9223372036854775807\" has no unit; give a unit" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --ack-within 9223372036854775807
refused "dispatch --ack-within 90" "give a unit: 90m, 3h, 1d12h, 3小时, 90分钟, 1天" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --ack-within 90
refused "dispatch --type bogus" "Please provide one of 'screening', 'notice', 'visit' or 'census'" \
  "$bin" dispatch --db "$db" --scope "$scope" --type bogus --title x
refused "dispatch --finish-within 31d" "--finish-within: at most 30 days" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --finish-within 31d
refused "dispatch --ack-within 0s" "--ack-within: must be more than 0" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --ack-within 0s
refused "dispatch --finish-within 99999999999999999999d" "at most 30 days" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --finish-within 99999999999999999999d

# 3. Extreme times.
unit=$(sqlite3 "$db" "SELECT unit_id FROM assignment WHERE task_id = 6 AND acked_at IS NULL LIMIT 1")
refused "done --at=-9223372036854775807" "--at" \
  "$bin" done --db "$db" --task 6 --unit "$unit" --at=-9223372036854775807
refused "ack --at 9223372036854775807" "--at" "$bin" ack --db "$db" --task 6 --unit "$unit" --at 9223372036854775807
household=$(sqlite3 "$db" "SELECT household_id FROM help_case LIMIT 1")
event() { printf '{"id":"%s","type":"visit","household":%s,"at":"%s"}\n' "$1" "$household" "$2"; }
ingest_refused() {  # ingest_refused "what" "pattern" FILE
  refused "$1" "$2" "$bin" ingest "$3" --db "$db"
}
event v1 9223372036854775807 >"$work/epoch.jsonl"
ingest_refused "visit at 9223372036854775807" "epoch.jsonl:1: at: \"9223372036854775807\": a bare number is not a time" "$work/epoch.jsonl"

# 6. Impossible dates and ids (one line each, after a good line that must not be applied either).
n=0
for at in 2026-02-31T09:00:00+08:00 2026-04-31T09:00:00+08:00 2026-11-22T23:59:60+08:00 \
  2026-11-22T09:00:00+99:99 2026-11-22T09:00:00+24:00 0000-01-01T09:00:00+08:00 0 " 6" -5 \
  2101-01-01T00:00:00+08:00 1999-12-31T23:59:59+08:00; do
  n=$((n + 1))
  { event "good-$n" 2026-11-22T09:00:00+08:00; event "bad-$n" "$at"; } >"$work/at-$n.jsonl"
  ingest_refused "event at \"$at\"" "at-$n.jsonl:2: at: " "$work/at-$n.jsonl"
done
printf '{"id":"inv-\xff","type":"visit","household":%s,"at":"2026-11-22T09:00:00+08:00"}\n' "$household" >"$work/ff.jsonl"
ingest_refused "id with byte 0xff" "ff.jsonl:1: id: byte 12 is not valid UTF-8" "$work/ff.jsonl"
printf '{"id":"inv-\xfe","type":"visit","household":%s,"at":"2026-11-22T09:00:00+08:00"}\n' "$household" >"$work/fe.jsonl"
ingest_refused "id with byte 0xfe" "fe.jsonl:1: id: byte 12 is not valid UTF-8" "$work/fe.jsonl"
printf '{"id":5,"type":"visit","household":%s,"at":"2026-11-22T09:00:00+08:00"}\n' "$household" >"$work/num.jsonl"
ingest_refused "number id" "num.jsonl:1: id: must be a string" "$work/num.jsonl"
event "$(head -c 129 /dev/zero | tr '\0' i)" 2026-11-22T09:00:00+08:00 >"$work/long.jsonl"
ingest_refused "129-byte id" "long.jsonl:1: id: at most 128 bytes" "$work/long.jsonl"
python3 - "$work/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "i" * 1_000_000, "type": "visit", "household": 1, "at": "2026-11-22T09:00:00+08:00"}) + "\n")
PY
ingest_refused "1 MB id" "big.jsonl:1: line: longer than 65536 bytes" "$work/big.jsonl"
python3 - "$work/keys.jsonl" "$unit" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    result = {f"k{i}": i for i in range(50_000)}
    f.write(json.dumps({"id": "k", "type": "done", "task": 6, "unit": int(sys.argv[2]), "at": "2026-11-22T19:00:00+08:00", "result": {"a": 1}}) + "\n")
    f.write(json.dumps({"id": "k2", "type": "done", "task": 6, "unit": int(sys.argv[2]), "at": "2026-11-22T19:00:00+08:00", "result": {f"k{i}": i for i in range(201)}}) + "\n")
PY
ingest_refused "result with 201 keys" "keys.jsonl:2: result: at most 200 keys, got 201" "$work/keys.jsonl"
refused "done --result with 201 keys" "--result: at most 200 keys" "$bin" done --db "$db" --task 6 --unit "$unit" \
  --at 2026-11-22T19:00:00+08:00 --result "$(python3 -c 'import json; print(json.dumps({f"k{i}": i for i in range(201)}))')"
printf '{"id":"h","type":"visit","household":9007199254740992,"at":"2026-11-22T09:00:00+08:00"}\n' >"$work/row.jsonl"
ingest_refused "household 2^53" "row.jsonl:1: household: must be an integer id from 1 to 9007199254740991" "$work/row.jsonl"
for at in 2026-02-31T09:00:00+08:00 2026-11-22T09:00:00+99:99 0; do
  refused "report --at \"$at\"" "--at" "$bin" report --db "$db" --at "$at"
  refused "snapshot --at \"$at\"" "--at" "$bin" snapshot --db "$db" --at "$at"
done

# 7. Options that crash or stall.
refused "report --at 9223372036854775807" "--at" "$bin" report --db "$db" --at 9223372036854775807
refused "report --days 106751991167301" "--days: must be from 1 to 366" "$bin" report --db "$db" --days 106751991167301
refused "report --days 367" "--days: must be from 1 to 366, got 367" "$bin" report --db "$db" --days 367
refused "tasks --days 0" "--days: must be from 1 to 366, got 0" "$bin" tasks --db "$db" --days 0
refused "tasks --days 106751991167301" "--days: must be from 1 to 366" "$bin" tasks --db "$db" --days 106751991167301
refused "rankings --days 106751991167301" "--days: must be from 1 to 366" "$bin" rankings --db "$db" --days 106751991167301
refused "snapshot --size 99999999999x2" "--size: at most 1000x500" "$bin" snapshot --db "$db" --size 99999999999x2
refused "snapshot --size 3000x3000" "--size: at most 1000x500" "$bin" snapshot --db "$db" --size 3000x3000
refused "snapshot --size 0x10" "--size: at most 1000x500 and at least 1x1" "$bin" snapshot --db "$db" --size 0x10
refused "snapshot --size 120x40x" "--size: at most 1000x500" "$bin" snapshot --db "$db" --size 120x40x
refused "tasks --at 2026-02-31T00:00:00" "--at: \"2026-02-31T00:00:00\": day 31 does not exist" \
  "$bin" tasks --db "$db" --at 2026-02-31T00:00:00
refused "dispatch --at 2026-02-31T00:00:00" "--at" \
  "$bin" dispatch --db "$db" --scope "$scope" --type notice --title x --at 2026-02-31T00:00:00
refused "tasks --at junk" "--at: \"junk\"" "$bin" tasks --db "$db" --at junk
refused "snapshot --lang fr" "Please provide one of 'zh' and 'en'" "$bin" snapshot --db "$db" --lang fr
refused "ingest --batch 0" "--batch: must be from 1 to 100000" "$bin" ingest --db "$db" --batch 0 "$work/epoch.jsonl"
refused "ingest --batch 9223372036854775807" "--batch: must be from 1 to 100000" \
  "$bin" ingest --db "$db" --batch 9223372036854775807 "$work/epoch.jsonl"
refused "simulate --rate 1e300" "--rate" "$bin" simulate --db "$db" --rate 1e300
refused "simulate --duration nan" "--duration" "$bin" simulate --db "$db" --duration nan
check "snapshot --size 1000x500 (the bound itself) draws" quiet "$bin" snapshot --db "$db" --size 1000x500 --at "$anchor"
check "report --days 366 (the bound itself) runs" quiet "$bin" report --db "$db" --days 366 --at "$anchor"

# A store poisoned by today's binary before this change: it opens, reads survive, verify names the rows.
poisoned="$work/poisoned.sqlite"
cp "$db" "$poisoned"
sqlite3 "$poisoned" "
  UPDATE task SET finish_within = 106751991167300 * 86400 WHERE id = 6;
  UPDATE task SET ack_within = 9223372036854775807 WHERE id = 5;
  UPDATE assignment SET acked_at = -9223372036854775807 WHERE task_id = 6 AND unit_id = $unit;"
for cmd in "report --at $anchor" "tasks --at $anchor" "tasks --json --at $anchor" "rankings --task 6" \
  "rankings --days 366" "snapshot --at $anchor --view station" "snapshot --at $anchor --view overview" "remind --task 6"; do
  # shellcheck disable=SC2086
  timeout 60 "$bin" $cmd --db "$poisoned" >"$work/out" 2>&1
  check "poisoned store: $cmd exits 0 (no crash)" test $? -eq 0
done
"$bin" verify --db "$poisoned" >"$work/verify.out" 2>&1
check "poisoned store: verify exits non-zero" test $? -ne 0
check "poisoned store: verify names task 6 finish_within and its bound" \
  grep -qF "task task 6 finish_within: 9223372036854720000 is out of bounds (allowed: 1 to 2592000 seconds (30 days))" "$work/verify.out"
check "poisoned store: verify names task 5 ack_within" grep -qF "task task 5 ack_within: 9223372036854775807" "$work/verify.out"
check "poisoned store: verify names the assignment acked at -9223372036854775807" \
  grep -qF "assignment task 6 unit $unit acked_at: -9223372036854775807 is out of bounds (allowed: 2000-01-01T00:00:00+08:00 to 2100-12-31T23:59:59+08:00" "$work/verify.out"
check "the untouched store still verifies" "$bin" verify --db "$db"
finish
