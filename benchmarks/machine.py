"""What a benchmark names and compares: the machine it ran on, and the baseline tree it ran beside."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return "memory unknown"


def describe() -> str:
    """E.g. ``host abc (x86_64, Intel Xeon ..., 2 cores available, 24 GiB), Python 3.11.7, Linux 6.1``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"host {platform.node()} ({platform.machine()}, {_cpu_model()}, {cores} cores available, "
            f"{_memory_gib()}), Python {platform.python_version()}, {platform.system()} "
            f"{platform.release()}")


def extract_commit(commit: str, into: Path) -> str:
    """Write the tree of ``commit`` of this repository into the folder ``into``; its short hash."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return subprocess.run(["git", "rev-parse", "--short", commit], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def write_results(path: Path, lines: list[str]) -> None:
    """Write a benchmark's results page (its folder made if missing) and print it."""
    text = "\n".join(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    print(text)
