"""Figure 3: `wangge report --scope <community>`, beside the same figures by GROUP BY over the raw tables."""
import json
import sqlite3
import time
from datetime import datetime

from .common import BenchError, bench_binary, percentile, run
from .results import Row

TARGET_RATIO = 100

# Figures the GROUP BY baseline computes, in the order of its output columns after the child id.
HH = ("households", "people", "reached_in_group", "reached_by_phone")
UNITS = ("units", "unit_leaders", "groups_built")
HELP = ("help_cases", "help_overdue", "green_channel_open")
TASKS = ("assigned", "acknowledged_on_time", "acked", "finished_on_time", "finished",
         "acknowledgements_overdue", "finishes_overdue")


def groupby_sql(scope_id, at, window_hours):
    """Per-child figures of a scope from household, unit, place, help_case, assignment and task only.

    `ANALYZE temp` gives the planner statistics on the scope's units, so it picks the best plan over raw
    tables (units first through the indexes for a community, scans for the whole grid); without them it
    scans every household even for a community, which would flatter Wangge."""
    since = at - window_hours * 3600
    return f"""
CREATE TEMP TABLE sub AS WITH RECURSIVE s(id, child) AS (
  SELECT id, id FROM place WHERE parent_id = {scope_id}
  UNION ALL SELECT p.id, s.child FROM place p JOIN s ON p.parent_id = s.id) SELECT * FROM s;
CREATE TEMP TABLE su(unit INTEGER PRIMARY KEY, child INTEGER, leader_id INTEGER, group_built INTEGER);
INSERT INTO su SELECT u.place_id, s.child, u.leader_id, u.group_built FROM sub s JOIN unit u ON u.place_id = s.id;
ANALYZE temp;
SELECT 'hh', su.child, count(*), coalesce(sum(h.size), 0), coalesce(sum(h.reach = 2), 0), coalesce(sum(h.reach = 1), 0)
  FROM su JOIN household h ON h.unit_id = su.unit GROUP BY su.child;
SELECT 'units', child, count(*), count(DISTINCT leader_id), coalesce(sum(group_built), 0) FROM su GROUP BY child;
SELECT 'leaders', count(DISTINCT leader_id) FROM su;
SELECT 'stations', s.child, coalesce(sum(p.has_station), 0) FROM sub s JOIN place p ON p.id = s.id GROUP BY s.child;
SELECT 'help', su.child, count(*), coalesce(sum(coalesce(c.last_visit, c.opened_at) + c.cadence < {at}), 0),
       coalesce(sum(c.green), 0)
  FROM su JOIN household h ON h.unit_id = su.unit JOIN help_case c ON c.household_id = h.id GROUP BY su.child;
SELECT 'tasks', su.child, count(*),
  sum(coalesce(a.acked_at, a.finished_at) IS NOT NULL AND coalesce(a.acked_at, a.finished_at) <= t.issued_at + t.ack_within),
  sum(coalesce(a.acked_at, a.finished_at) IS NOT NULL),
  sum(a.finished_at IS NOT NULL AND a.finished_at <= t.issued_at + t.finish_within),
  sum(a.finished_at IS NOT NULL),
  sum(coalesce(a.acked_at, a.finished_at) IS NULL AND {at} > t.issued_at + t.ack_within),
  sum(a.finished_at IS NULL AND {at} > t.issued_at + t.finish_within)
  FROM su JOIN task t JOIN assignment a ON a.task_id = t.id AND a.unit_id = su.unit
  WHERE t.issued_at > {since} AND t.issued_at <= {at} GROUP BY su.child;
"""


def parse_groupby(out):
    """{child id: {figure: n}} plus "total" (children summed; distinct leaders counted over the scope)."""
    children, distinct_leaders = {}, 0
    columns = {"hh": HH, "units": UNITS, "stations": ("stations",), "help": HELP, "tasks": TASKS}
    for line in out.splitlines():
        kind, *cells = line.split("|")
        if kind == "leaders":
            distinct_leaders = int(cells[0])
            continue
        figures = children.setdefault(int(cells[0]), {k: 0 for names in columns.values() for k in names})
        figures.update(zip(columns[kind], (int(c or 0) for c in cells[1:])))
    for f in children.values():
        derive(f)
    total = {k: sum(f[k] for f in children.values()) for k in next(iter(children.values()), {})}
    total["unit_leaders"] = distinct_leaders
    return children, total


def derive(f):
    f["households_reached"] = f["reached_in_group"] + f["reached_by_phone"]
    f["acknowledged_late"] = f.pop("acked") - f["acknowledged_on_time"]
    f["finished_late"] = f.pop("finished") - f["finished_on_time"]


def compare(report, children, total):
    """Differences between the report and the GROUP BY figures, as "place figure: a vs b" strings."""
    diffs = []
    pairs = [("totals", report["totals"], total)]
    pairs += [(f"child {c['id']}", c["figures"], children.get(c["id"], {})) for c in report["children"]]
    for name, got, want in pairs:
        for key, value in want.items():
            if got.get(key, 0) != value:
                diffs.append(f"{name} {key}: report {got.get(key)}, GROUP BY {value}")
    return diffs


def bench_report(binary, store, scope_id, scope_path, what, at_iso, runs, base_runs, preset):
    """`what` names the scope in the table ("community", "whole grid"); scope_path None is the root."""
    scope = ["--scope", scope_path] if scope_path else []
    args = [binary, "report", *scope, "--json", "--at", at_iso, "--db", store]
    times, out = [], ""
    for _ in range(runs):
        seconds, out = run(args)
        times.append(seconds * 1000)
    report = json.loads(out)
    at = int(datetime.fromisoformat(report["at"]).timestamp())
    sql = groupby_sql(scope_id, at, report["window_hours"])
    base_times = []
    for _ in range(base_runs):
        started = time.perf_counter()
        _, base_out = run(["sqlite3", f"file:{store}?mode=ro"], input_text=sql)
        base_times.append((time.perf_counter() - started) * 1000)
    children, total = parse_groupby(base_out)
    if not children:
        raise BenchError(f"the GROUP BY baseline found no children under place {scope_id}")
    diffs = compare(report, children, total)
    agree = "figures agree" if not diffs else f"{len(diffs)} DIFFERENCES: " + "; ".join(diffs[:5])
    wangge = {"p50": percentile(times, 50), "p99": percentile(times, 99), "runs": runs}
    baseline = {"p50": percentile(base_times, 50), "p99": percentile(base_times, 99), "runs": base_runs}
    key = "report_" + ("community" if scope_path else "root")
    row = Row(key, f"report, {what} (whole process)", "ms", "lower", wangge, baseline,
              baseline_what="sqlite3 CLI, whole process: the same per-child figures by GROUP BY over household, "
              "unit, place, help_case, assignment and task (no rollup tables), totals summed from the children",
              target=f"≥ {TARGET_RATIO}× the baseline on city",
              note=f"scope = {what} ({len(report['children'])} children, "
              f"{report['totals']['households']:,} households), --at {at_iso}, "
              f"{report['tasks_in_window']} tasks in window; {agree}")
    ratio = row.ratio()
    row.met = (ratio >= TARGET_RATIO and not diffs) if preset == "city" else None
    if diffs:
        row.met = False
    return row


def warm_groupby_times(store, sql, runs):
    """Milliseconds per run of the GROUP BY statements, warm, in one read-only connection of the same
    libsqlite3 (Python's sqlite3 module): the baseline without process start or a cold page cache."""
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    times = []
    try:
        for _ in range(runs + 1):  # the first run warms the connection and is not counted
            started = time.perf_counter()
            for statement in statements:
                con.execute(statement).fetchall()
            times.append((time.perf_counter() - started) * 1000)
            con.execute("DROP TABLE temp.sub")
            con.execute("DROP TABLE temp.su")
    finally:
        con.close()
    return times[1:]


def bench_report_in_process(binary, store, scope_id, scope_path, what, at_iso, runs, base_runs, preset):
    """The same comparison without process start: `wangge-bench report` (warm, in-process) beside the
    GROUP BY statements run warm in one connection."""
    scope = ["--scope", scope_path] if scope_path else []
    _, out = run([bench_binary(binary), "report", *scope, "--at", at_iso, "--runs", str(runs), "--db", store])
    wangge = json.loads(out)
    _, report_out = run([binary, "report", *scope, "--json", "--at", at_iso, "--db", store])
    report = json.loads(report_out)
    at = int(datetime.fromisoformat(report["at"]).timestamp())
    base_times = warm_groupby_times(store, groupby_sql(scope_id, at, report["window_hours"]), base_runs)
    baseline = {"p50": percentile(base_times, 50), "p99": percentile(base_times, 99), "runs": base_runs}
    key = "report_" + ("community" if scope_path else "root") + "_in_process"
    row = Row(key, f"report, {what} (in-process)", "ms", "lower",
              {"p50": wangge["p50"], "p99": wangge["p99"], "runs": wangge["runs"]}, baseline,
              baseline_what=f"the same GROUP BY statements warm in one read-only connection of libsqlite3 "
              f"{sqlite3.sqlite_version} (Python's sqlite3 module), timed per run, without process start",
              target=f"≥ {TARGET_RATIO}× the baseline on city",
              note=f"wangge-bench report: PlaceReport.make warm in one process, {wangge['runs']} runs")
    row.met = (row.ratio() >= TARGET_RATIO) if preset == "city" else None
    return row
