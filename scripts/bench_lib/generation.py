"""Figure 1: demo generation rate, beside the sqlite3 CLI `.import` of the same rows from CSV."""
import os

from .common import median, run, sqlite_value
from .results import Row
from .store import generate

TABLES = ("place", "unit", "leader", "household", "help_case")


def import_baseline(store, workdir):
    """Exports the biggest tables to CSV (untimed), creates the store's schema in a fresh db and times
    one sqlite3 process that creates the schema and `.import`s every CSV. Returns seconds."""
    csvs = {}
    for table in TABLES:
        path = os.path.join(workdir, f"{table}.csv")
        run(["sqlite3", f"file:{store}?mode=ro"], input_text=f".mode csv\n.headers off\n.output {path}\n"
            f"SELECT * FROM {table};\n")
        csvs[table] = path
    _, schema = run(["sqlite3", f"file:{store}?mode=ro", ".schema"])
    schema = "\n".join(line for line in schema.splitlines() if "sqlite_stat" not in line)
    fresh = os.path.join(workdir, "import.sqlite")
    if os.path.exists(fresh):
        os.remove(fresh)
    script = f"PRAGMA journal_mode=WAL;\n{schema}\n" + "".join(
        f".import --csv {csvs[t]} {t}\n" for t in TABLES)
    seconds, _ = run(["sqlite3", fresh], input_text=script)
    rows = int(sqlite_value(fresh, "SELECT count(*) FROM household"))
    for path in list(csvs.values()) + [fresh]:
        os.remove(path)
    return seconds, rows


def bench_generation(binary, preset, runs, workdir):
    """Times `wangge demo --preset PRESET` `runs` times; returns (row, path of the last store)."""
    db = os.path.join(workdir, f"gen-{preset}.sqlite")
    times = [generate(binary, preset, db) for _ in range(runs)]
    households = int(sqlite_value(db, "SELECT count(*) FROM household"))
    base_times, base_rows = [], 0
    for _ in range(runs):
        seconds, base_rows = import_baseline(db, workdir)
        base_times.append(seconds)
    wangge = {"value": households / median(times), "seconds": median(times), "households": households,
              "runs": runs}
    baseline = {"value": base_rows / median(base_times), "seconds": median(base_times), "runs": runs}
    row = Row("generation", f"demo --preset {preset} (households/s)", "hh/s", "higher", wangge, baseline,
              baseline_what="one sqlite3 process: the store's schema (tables and indexes, WAL) in a fresh db, then "
              f".import of {', '.join(TABLES)} from CSV (export untimed); Wangge also writes tasks, "
              "assignments, volunteers and every rollup",
              note=f"{households:,} households in {median(times):.2f} s (median of {runs})")
    return row, db
