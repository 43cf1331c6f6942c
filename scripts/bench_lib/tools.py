"""Makes sure the tools the benchmarks drive are installed (as scripts/setup does)."""
import os
import shutil
import subprocess

from .common import BenchError, log

NEEDED = {"sqlite3": "sqlite3", "tmux": "tmux", "htop": "htop", "pgrep": "procps"}


def ensure(repo):
    setup = os.path.join(repo, "scripts", "setup")
    if os.access(setup, os.X_OK):
        subprocess.run([setup], check=False)
    missing = sorted({pkg for tool, pkg in NEEDED.items() if not shutil.which(tool)})
    if missing:
        log(f"installing: {' '.join(missing)}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", *missing], env=env, check=False)
    still = [tool for tool in NEEDED if not shutil.which(tool)]
    if still:
        raise BenchError(f"missing tools: {', '.join(still)} (install them with apt-get and run again)")
    if not shutil.which("swift"):
        raise BenchError("swift is not on PATH: install the Swift 6 toolchain")
