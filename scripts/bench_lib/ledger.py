"""Figure 8: registry import of the store's households from CSV (`wangge import`), beside one sqlite3
process that `.import`s the same file into a plain table."""
import csv
import os

from .common import median, run, sqlite, sqlite_value
from .results import Row


def export_households(binary, store, workdir):
    """Exports every household of `store` as a CSV ledger with phones in full (untimed); returns
    (path, rows, root name, level names below the root, station level name)."""
    root = sqlite_value(store, "SELECT name FROM place WHERE parent_id IS NULL ORDER BY id LIMIT 1")
    levels = [r[0] for r in sqlite(store, "SELECT name FROM level ORDER BY depth", readonly=True)]
    station_depth = sqlite_value(store, "SELECT min(depth) FROM place WHERE has_station = 1")
    path = os.path.join(workdir, "households.csv")
    # The demo's phones are fictional 140… mobiles that the ledger's phone check accepts: no rewriting.
    run([binary, "export", "households", "--db", store, "--format", "csv", "--reveal-phones", "--out", path])
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = sum(1 for _ in csv.reader(f)) - 1
    station = levels[int(station_depth)] if station_depth not in (None, "") else None
    return path, rows, root, levels, station


def bench_ledger_import(binary, store, runs, workdir):
    """Times `wangge init` + `wangge import households.csv` into a fresh store `runs` times, and the
    sqlite3 `.import --csv` of the same file into a fresh table; returns a Row (rows/s)."""
    path, rows, root, levels, station = export_households(binary, store, workdir)
    fresh = os.path.join(workdir, "ledger.sqlite")
    times, base = [], []
    for _ in range(runs):
        if os.path.exists(fresh):
            os.remove(fresh)
        init = [binary, "init", "--db", fresh, "--root", root, "--root-level", levels[0],
                "--levels", "/".join(levels[1:])]
        if station:
            init += ["--station", station]
        run(init)
        seconds, _ = run([binary, "import", "--db", fresh, path])
        times.append(seconds)
        imported = int(sqlite_value(fresh, "SELECT count(*) FROM household"))
        if imported != rows:
            raise RuntimeError(f"wangge import wrote {imported:,} households of {rows:,}")
        plain = os.path.join(workdir, "plain.sqlite")
        if os.path.exists(plain):
            os.remove(plain)
        seconds, _ = run(["sqlite3", plain], input_text=f"PRAGMA journal_mode=WAL;\n.import --csv {path} households\n")
        base.append(seconds)
        os.remove(plain)
    os.remove(fresh)
    os.remove(path)
    wangge = {"value": rows / median(times), "seconds": median(times), "rows": rows, "runs": runs}
    baseline = {"value": rows / median(base), "seconds": median(base), "runs": runs}
    return Row("ledger_import", "import households CSV (rows/s)", "rows/s", "higher", wangge, baseline,
               baseline_what="one sqlite3 process: .import --csv of the same file into a new plain table "
               "(no places, no keys, no rollups)",
               target="≥ 200,000 rows/s", met=rows / median(times) >= 200_000,
               note=f"{rows:,} households in {median(times):.2f} s (median of {runs}); places created from the "
               "path columns, upsert by unit and room, rollups kept; export untimed")
