#!/usr/bin/env bash
# End-to-end: operators, scope and personal data. SQLite: the store is unscoped (未分级) with its
# owner as admin, keeps no operators, `reveal` is audited, the audit refuses UPDATE/DELETE, and
# `--read-only` says 只读. PostgreSQL (when WANGGE_TEST_POSTGRES is set and this wangge opens
# postgres:// stores): a station of 水映花城小区 and a viewer, checked with raw psql as those roles.
set -uo pipefail
bin=$(realpath "${1:-${WANGGE_BIN:-.build/debug/wangge}}") || exit 1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.bash"
work=$(mktemp -d)
tag=$$
trap '[[ -n ${pgdb:-} ]] && { psql "$WANGGE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)"; for r in st_$tag vw_$tag cm_$tag; do psql "$WANGGE_TEST_POSTGRES" -qc "DROP ROLE IF EXISTS $r"; done; } >/dev/null 2>&1; rm -rf "$work"' EXIT
anchor=2026-11-22T20:00:00+08:00
db=$work/ops.sqlite
quietly() { "$@" >/dev/null 2>&1; }
fails() { ! "$@" >/dev/null 2>&1; }

check "sqlite: demo generated" quietly "$bin" demo --db "$db" --anchor "$anchor"
check "sqlite: the header says 未分级 (unscoped)" bash -c "'$bin' snapshot --db '$db' | head -1 | grep -qF 未分级"
check "sqlite: --read-only says 只读" bash -c "'$bin' snapshot --db '$db' --read-only | head -1 | grep -qF 只读"
check "sqlite: the file's owner is the only operator, an unscoped admin" bash -c "'$bin' operator list --db '$db' | grep -q 'admin	(unscoped)'"
check "sqlite: operator add is refused (single station)" bash -c "'$bin' operator add bob --role station --scope 长安街道 --db '$db' 2>&1 | grep -qF single-station"
check "sqlite: reveal prints the household and says it is recorded" bash -c "'$bin' reveal --db '$db' --household 1 --reason 送药联系 --at $anchor | grep -qF 'recorded in the audit'"
check "sqlite: a reveal without a reason is refused" fails "$bin" reveal --db "$db" --household 1 --reason ' ' --at "$anchor"
check "sqlite: wangge audit lists the reveal with its reason" bash -c "'$bin' audit --db '$db' --since $anchor | grep -F reveal | grep -qF 送药联系"
check "sqlite: UPDATE audit is refused by the trigger" fails sqlite3 "$db" "UPDATE audit SET detail = ''"
check "sqlite: DELETE FROM audit is refused by the trigger" fails sqlite3 "$db" "DELETE FROM audit"

if [[ -n ${WANGGE_TEST_POSTGRES:-} ]]; then
  pgdb="wangge_ops_$tag"
  psql "$WANGGE_TEST_POSTGRES" -qc "CREATE DATABASE $pgdb" >/dev/null
  url="${WANGGE_TEST_POSTGRES%/*}/$pgdb"
  if "$bin" demo --db "$url" --anchor "$anchor" >/dev/null 2>&1; then
    as() { psql "${url/:\/\/postgres@/://$1@}" -qAtX -v ON_ERROR_STOP=1 -c "$2"; }
    station=$(psql "$url" -qAtX -c "SELECT id FROM place WHERE name = '水映花城小区'")
    spath=$(psql "$url" -qAtX -c "WITH RECURSIVE up(id, parent_id, name, d) AS (SELECT id, parent_id, name, 0 FROM place WHERE id = $station UNION ALL SELECT p.id, p.parent_id, p.name, d + 1 FROM place p JOIN up ON p.id = up.parent_id WHERE p.parent_id IS NOT NULL) SELECT string_agg(name, '/' ORDER BY d DESC) FROM up")
    check "postgres: admin adds a station of 水映花城小区" quietly "$bin" operator add "st_$tag" --role station --scope "$spath" --db "$url" --at "$anchor"
    check "postgres: and a viewer" quietly "$bin" operator add "vw_$tag" --role viewer --scope "$spath" --db "$url" --at "$anchor"
    check "postgres: and a commander of the whole grid" quietly "$bin" operator add "cm_$tag" --role commander --scope 蛟河市 --db "$url" --at "$anchor"
    check "postgres: psql as the station sees its 53 units" test "$(as "st_$tag" "SELECT count(*) FROM unit")" = 53
    check "postgres: psql as the station sees no household of 长安街道" test "$(as "st_$tag" "WITH RECURSIVE t(id) AS (SELECT id FROM place WHERE name = '长安街道' UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id) SELECT count(*) FROM household h JOIN t ON t.id = h.unit_id")" = 0
    check "postgres: the street's figures are not shown to the station" test "$(as "st_$tag" "SELECT count(*) FROM place_stats s JOIN place p ON p.id = s.place_id WHERE p.depth < (SELECT depth FROM place WHERE id = $station)")" = 0
    outside=$(psql "$url" -qAtX -c "SELECT min(u.place_id) FROM unit u WHERE u.place_id NOT IN (WITH RECURSIVE t(id) AS (SELECT $station::bigint UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id) SELECT id FROM t)")
    inside=$(psql "$url" -qAtX -c "SELECT min(p.id) FROM place p JOIN place b ON b.id = p.parent_id WHERE b.parent_id = $station")
    check "postgres: an acknowledgement outside the scope fails" fails as "st_$tag" "INSERT INTO event(id, type, at, recorded_at, source, place_id) VALUES ('e2e-out', 'ack', 1, 1, 'st_$tag', $outside)"
    check "postgres: one inside the scope is accepted" quietly as "st_$tag" "INSERT INTO event(id, type, at, recorded_at, source, place_id) VALUES ('e2e-in', 'ack', 1, 1, 'st_$tag', $inside)"
    check "postgres: a viewer cannot insert any event" fails as "vw_$tag" "INSERT INTO event(id, type, at, recorded_at, source, place_id) VALUES ('e2e-vw', 'ack', 1, 1, 'vw_$tag', $inside)"
    check "postgres: admin (the owner) sees every household" test "$(psql "$url" -qAtX -c "SELECT count(*) FROM household")" = "$(as "cm_$tag" "SELECT count(*) FROM household")"
    hh=$(psql "$url" -qAtX -c "SELECT min(id) FROM household WHERE unit_id = $inside")
    check "postgres: the commander reveals a household" quietly env PGUSER="cm_$tag" "$bin" reveal --db "${url/:\/\/postgres@/://cm_$tag@}" --household "$hh" --reason 核实联系方式 --at "$anchor"
    check "postgres: wangge audit shows the reveal" bash -c "'$bin' audit --db '$url' --operator cm_$tag | grep -qF reveal"
    check "postgres: psql as the station cannot SELECT phone FROM household" fails as "st_$tag" "SELECT phone FROM household"
    check "postgres: nor head_name, nor as the commander" fails as "cm_$tag" "SELECT head_name FROM household"
    full=$(psql "$url" -qAtX -c "SELECT phone FROM household WHERE id = $hh")
    check "postgres: the station reads the phone masked (household_shown)" test "$(as "st_$tag" "SELECT phone FROM household_shown WHERE id = $hh")" = "${full:0:3}****${full:7}"
    check "postgres: psql as the station cannot call wangge_reveal" fails as "st_$tag" "SELECT * FROM wangge_reveal($hh, '看看', 1)"
    check "postgres: the commander's reveal through psql shows the full phone" test "$(as "cm_$tag" "SELECT phone FROM wangge_reveal($hh, '电话回访', 1)")" = "$full"
    check "postgres: and is audited in the same transaction" test "$(psql "$url" -qAtX -c "SELECT count(*) FROM audit WHERE action = 'reveal' AND operator = 'cm_$tag' AND detail LIKE '%电话回访%'")" = 1
    check "postgres: wangge reveal as the station is refused with a message" bash -c "PGUSER=st_$tag '$bin' reveal --db '${url/:\/\/postgres@/://st_$tag@}' --household $hh --reason 核实 --at $anchor 2>&1 | grep -qF 'may not reveal'"
    for r in "st_$tag" "vw_$tag" "cm_$tag"; do
      check "postgres: UPDATE audit as $r fails" fails as "$r" "UPDATE audit SET detail = ''"
    done
    printf '{"id":"e2e-vw-visit","type":"visit","household":%s,"at":"%s"}\n' "$hh" "$anchor" >"$work/visit.jsonl"
    check "postgres: wangge ingest as the viewer is refused with a message" bash -c "'$bin' ingest '$work/visit.jsonl' --db '${url/:\/\/postgres@/://vw_$tag@}' 2>&1 | grep -qF 'may not record'"
    check "postgres: and wrote nothing" test "$(psql "$url" -qAtX -c "SELECT count(*) FROM event WHERE id = 'e2e-vw-visit'")" = 0
    check "postgres: the station's board opens on 水映花城小区" bash -c "'$bin' snapshot --db '${url/:\/\/postgres@/://st_$tag@}' | sed -n 2p | grep -qF 水映花城小区"
    check "postgres: the station cannot open 长安街道 (a message says why)" bash -c "'$bin' snapshot --db '${url/:\/\/postgres@/://st_$tag@}' --path 长安街道 2>&1 | grep -qF 'outside the scope'"
  else
    echo "skipped the PostgreSQL half: this wangge does not open postgres:// stores yet"
  fi
elif [[ -n ${CI:-} ]]; then
  check "CI gives a PostgreSQL server (WANGGE_TEST_POSTGRES)" false
fi
finish
