"""One row of the results table, the table as text and as JSON."""
import json
import os


class Row:
    """A figure beside its baseline. `better` is "higher" (rates) or "lower" (times, bytes, memory).

    `wangge` and `baseline` are dicts: {"value": x} or {"p50": x, "p99": y}. The ratio is how many times
    better Wangge is than the baseline (> 1: Wangge wins), from the values or the p50s.
    """

    def __init__(self, key, figure, unit, better, wangge=None, baseline=None, baseline_what="",
                 target=None, met=None, note="", available=True):
        self.key, self.figure, self.unit, self.better = key, figure, unit, better
        self.wangge, self.baseline, self.baseline_what = wangge, baseline, baseline_what
        self.target, self.met, self.note, self.available = target, met, note, available

    @staticmethod
    def unavailable(key, figure, reason, target=None):
        return Row(key, figure, "", "lower", note=reason, target=target, available=False)

    def ratio(self):
        a, b = central(self.wangge), central(self.baseline)
        if a is None or b is None or (a == 0 and b == 0):
            return None
        if a == 0 or b == 0:
            return float("inf") if (a == 0) == (self.better == "lower") else 0.0
        return a / b if self.better == "higher" else b / a

    def as_json(self):
        return {"key": self.key, "figure": self.figure, "unit": self.unit, "better": self.better,
                "available": self.available, "wangge": self.wangge, "baseline": self.baseline,
                "baseline_is": self.baseline_what, "ratio": round_sig(self.ratio()),
                "target": self.target, "met": self.met, "note": self.note}


def central(values):
    if not values:
        return None
    return values.get("p50", values.get("value"))


def round_sig(x):
    return None if x is None or x == float("inf") else float(f"{x:.4g}")


def fmt_number(x):
    if x is None:
        return "—"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 0.1 or x == 0:
        return f"{x:.2f}"
    return f"{x:.2g}"


def fmt_values(values, unit):
    if not values:
        return "—"
    if "p50" in values:
        text = f"p50 {fmt_number(values['p50'])} / p99 {fmt_number(values.get('p99'))}"
    else:
        text = fmt_number(values["value"])
    return f"{text} {unit}".strip()


def table_rows(rows):
    out = [("figure", "Wangge", "baseline", "ratio", "target", "met")]
    for r in rows:
        if not r.available:
            out.append((r.figure, "not available", "", "", r.target or "", ""))
            continue
        ratio = r.ratio()
        baseline = fmt_values(r.baseline, r.unit) if r.baseline else "—"
        met = "" if r.met is None else ("yes" if r.met else "NO")
        out.append((r.figure, fmt_values(r.wangge, r.unit), baseline,
                    ("∞" if ratio == float("inf") else f"{ratio:.3g}×") if ratio is not None else "—", r.target or "", met))
    return out


def width(text):
    """Display width: East Asian wide characters take two columns."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def markdown_table(rows):
    lines = table_rows(rows)
    text = [f"| {' | '.join(lines[0])} |", "|" + "---|" * len(lines[0])]
    text += [f"| {' | '.join(cell.replace('|', '/') for cell in line)} |" for line in lines[1:]]
    return "\n".join(text)


def text_table(rows):
    lines = table_rows(rows)
    widths = [max(width(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def notes(rows):
    return [f"{r.figure}: {r.note}" for r in rows if r.note] + \
           [f"{r.figure} baseline: {r.baseline_what}" for r in rows if r.available and r.baseline_what]


def write_json(path, meta, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump({"meta": meta, "rows": [r.as_json() for r in rows]}, f, ensure_ascii=False, indent=2)
        f.write("\n")
