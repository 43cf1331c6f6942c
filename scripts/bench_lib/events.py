"""Event files for the ingest benchmarks: JSON Lines for `wangge ingest` and the same rows as SQL."""
import json

from .common import sqlite, sqlite_value


def sample_ids(store, sql_all, count_sql, limit):
    """Up to `limit` ids spread over the whole table (every k-th), not just the first ones."""
    total = int(sqlite_value(store, count_sql))
    step = max(1, total // max(1, limit))
    return [int(r[0]) for r in sqlite(store, f"SELECT id FROM ({sql_all}) WHERE id % {step} = 0 LIMIT {limit}",
                                      readonly=True)]


def grid_events(store, total, at, tag):
    """`visit` for help households, `group_built` for units without a group, `reached` for the rest."""
    visits = sample_ids(store, "SELECT household_id AS id FROM help_case", "SELECT count(*) FROM help_case",
                        total // 10)
    groups = sample_ids(store, "SELECT place_id AS id FROM unit WHERE group_built = 0",
                        "SELECT count(*) FROM unit WHERE group_built = 0", total // 10)
    reached = sample_ids(store, "SELECT id FROM household", "SELECT count(*) FROM household",
                         total - len(visits) - len(groups))
    events = [{"id": f"{tag}-v-{h}", "type": "visit", "household": h, "at": at} for h in visits]
    events += [{"id": f"{tag}-g-{u}", "type": "group_built", "unit": u, "at": at} for u in groups]
    events += [{"id": f"{tag}-r-{h}", "type": "reached", "household": h, "via": ("group", "phone")[h % 2],
                "at": at} for h in reached]
    return events, {"visit": len(visits), "group_built": len(groups), "reached": len(reached)}


def ack_events(units, task, at, tag):
    return [{"id": f"{tag}-ack-{n}", "type": "ack", "task": task, "unit": u, "at": at}
            for n, u in enumerate(units)]


def write_jsonl(events, path):
    with open(path, "w") as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")


def sql_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def write_sql(events, path, epoch):
    """The same rows as INSERTs into a plain table, in one transaction, with no rollups."""
    with open(path, "w") as f:
        f.write("CREATE TABLE IF NOT EXISTS ev(id TEXT PRIMARY KEY, type TEXT NOT NULL, at INTEGER NOT NULL, "
                "task INTEGER, unit INTEGER, household INTEGER, via TEXT) WITHOUT ROWID;\nBEGIN;\n")
        for e in events:
            values = [e["id"], e["type"], epoch, e.get("task"), e.get("unit"), e.get("household"), e.get("via")]
            f.write(f"INSERT INTO ev VALUES({','.join(sql_literal(v) for v in values)});\n")
        f.write("COMMIT;\n")
