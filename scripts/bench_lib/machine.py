"""What the run was measured on: cores, CPU model, RAM, versions, commit."""
import os
import platform
import subprocess
from datetime import datetime, timezone


def first_line(args):
    try:
        out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
        return out.strip().splitlines()[0] if out.strip() else ""
    except OSError:
        return ""


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def ram_gib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def describe(repo):
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "ram_gib": ram_gib(),
        "kernel": platform.release(),
        "commit": first_line(["git", "-C", repo, "rev-parse", "--short", "HEAD"]),
        "swift": first_line(["swift", "--version"]),
        "sqlite3": first_line(["sqlite3", "--version"]).split(" ")[0],
        "htop": first_line(["htop", "--version"]),
        "tmux": first_line(["tmux", "-V"]),
    }


def summary(m):
    return f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['kernel']}, commit {m['commit']}"
