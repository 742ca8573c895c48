"""One line naming the machine a benchmark ran on (host, processor, cores, memory, Python, OS)."""

from __future__ import annotations

import os
import platform
from pathlib import Path


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
