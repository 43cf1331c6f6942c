#!/usr/bin/env python3
"""Recount a scope's figures from the raw tables (no rollups) and compare with `wangge report --json`.

Usage: recount-scope.py STORE REPORT.json
Exits 1 and prints the differences when any figure disagrees. Also the GROUP BY baseline for benchmarks.
"""
import json
import sqlite3
import sys
import time


def iso_to_epoch(text):
    from datetime import datetime
    return int(datetime.fromisoformat(text).timestamp())


def recount(con, place_id, at, window_hours):
    units = """WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
               SELECT u.place_id FROM unit u JOIN sub ON sub.id = u.place_id"""
    con.execute("DROP TABLE IF EXISTS temp.scope_units")
    con.execute(f"CREATE TEMP TABLE scope_units AS {units}", (place_id,))
    one = lambda sql, *a: con.execute(sql, a).fetchone()
    hh, people, group, phone = one("""SELECT count(*), coalesce(sum(size),0), coalesce(sum(reach = 2),0),
        coalesce(sum(reach = 1),0) FROM household WHERE unit_id IN (SELECT place_id FROM scope_units)""")
    n_units, leaders, built = one("""SELECT count(*), count(DISTINCT leader_id), coalesce(sum(group_built),0)
        FROM unit WHERE place_id IN (SELECT place_id FROM scope_units)""")
    help_cases, help_overdue, green = one("""SELECT count(*), coalesce(sum(coalesce(c.last_visit, c.opened_at) + c.cadence < ?),0),
        coalesce(sum(c.green),0) FROM help_case c JOIN household h ON h.id = c.household_id
        WHERE h.unit_id IN (SELECT place_id FROM scope_units)""", at)
    rows = con.execute("""SELECT count(*),
          sum(coalesce(a.acked_at, a.finished_at) IS NOT NULL AND coalesce(a.acked_at, a.finished_at) <= t.issued_at + t.ack_within),
          sum(coalesce(a.acked_at, a.finished_at) IS NOT NULL),
          sum(a.finished_at IS NOT NULL AND a.finished_at <= t.issued_at + t.finish_within),
          sum(a.finished_at IS NOT NULL),
          sum(coalesce(a.acked_at, a.finished_at) IS NULL AND ? > t.issued_at + t.ack_within),
          sum(a.finished_at IS NULL AND ? > t.issued_at + t.finish_within)
        FROM assignment a JOIN task t ON t.id = a.task_id
        WHERE a.unit_id IN (SELECT place_id FROM scope_units) AND t.issued_at > ? AND t.issued_at <= ?""",
        (at, at, at - window_hours * 3600, at)).fetchone()
    assigned, on_time, acked, fin_on_time, finished, ack_over, fin_over = [r or 0 for r in rows]
    return {
        "households": hh, "people": people, "units": n_units, "unit_leaders": leaders, "groups_built": built,
        "reached_in_group": group, "reached_by_phone": phone, "help_cases": help_cases,
        "help_overdue": help_overdue, "green_channel_open": green, "assigned": assigned,
        "acknowledged_on_time": on_time, "acknowledged_late": acked - on_time,
        "acknowledgements_overdue": ack_over, "finished_on_time": fin_on_time,
        "finished_late": finished - fin_on_time, "finishes_overdue": fin_over,
    }


def main():
    store, report_path = sys.argv[1], sys.argv[2]
    report = json.load(open(report_path))
    at = iso_to_epoch(report["at"])
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    bad = 0
    started = time.perf_counter()
    lines = [(report["scope"]["id"], report["scope"]["name"], report["totals"])]
    lines += [(c["id"], c["name"], c["figures"]) for c in report["children"]]
    for place_id, name, figures in lines:
        want = recount(con, place_id, at, report["window_hours"])
        for key, value in want.items():
            if figures[key] != value:
                bad += 1
                print(f"{name} {key}: report {figures[key]}, recount {value}")
    elapsed = time.perf_counter() - started
    print(f"recounted {len(lines)} places from raw rows in {elapsed * 1000:.1f} ms: "
          f"{'all figures agree' if bad == 0 else f'{bad} differences'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
