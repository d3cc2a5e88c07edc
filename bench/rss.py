"""Resident memory of a process tree, sampled from /proc while a command runs (Linux).

    sampler = TreeSampler(pid); sampler.start(); ...; sampler.stop(); sampler.summary()

Every `interval` seconds (0.5) it walks /proc for the root process and all its descendants
and reads each one's VmRSS (/proc/PID/status) and, every `pss_every`-th sample unless
`pss=False`, its Pss (/proc/PID/smaps_rollup: shared pages divided among the processes
sharing them, so the sum over the tree does not count the model's and libraries' pages
twice; costlier to read, hence less often). The sampler itself uses about 1% of a core. It keeps the
maximum of the tree's sum, the maximum per process (with a role read from its command
line: `main`, `worker` for multiprocessing children, `tracker` for multiprocessing's
resource tracker, `child` otherwise), for workers the maximum in each quarter of
their lifetime (flat quarters: memory does not grow with the articles processed), and
the CPU seconds each role used (from /proc/PID/stat, as last sampled).
A process that ends between two samples is missed for that interval: peaks shorter than
`interval` can be under-read.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: fields after the last ')'
        fields = stat[stat.rfind(b")") + 2 :].split()
        children[int(fields[1])].append(int(entry.name))
    return children


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants alive now."""
    children = _children_map()
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, ()))
    return found


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of the process itself so far."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _kib_field(path: str, key: bytes, missing: int | None) -> int | None:
    """The `key:` line of a /proc file given in kB, as bytes; `missing` when the file has no
    such line; None when the process is gone."""
    try:
        with open(path, "rb") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return missing


def rss_bytes(pid: int) -> int | None:
    return _kib_field(f"/proc/{pid}/status", b"VmRSS:", 0)  # a zombie has no VmRSS line


def pss_bytes(pid: int) -> int | None:
    return _kib_field(f"/proc/{pid}/smaps_rollup", b"Pss:", 0)


def role(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = handle.read()
    except OSError:
        return "child"
    if b"resource_tracker" in command:
        return "tracker"
    if b"spawn_main" in command or b"forkserver" in command:
        return "worker"
    return "child"


@dataclass
class _Process:
    role: str
    first: float
    last: float = 0.0
    peak_rss: int = 0
    cpu: float = 0.0  # seconds, as last seen (a process's last interval before it ends is missed)
    samples: list[tuple[float, int]] = field(default_factory=list)  # (time, rss)


class TreeSampler:
    def __init__(self, pid: int, *, interval: float = 0.5, pss: bool = True, pss_every: int = 4) -> None:
        self.root = pid
        self.interval = interval
        self.pss = pss
        self.pss_every = pss_every
        self.processes: dict[int, _Process] = {}
        self.peak_sum_rss = 0
        self.peak_sum_pss = 0
        self.peak_processes = 0
        self.main_by_phase: dict[str, int] = {}  # main's peak before, while and after workers run
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.started = time.perf_counter()

    def start(self) -> TreeSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        now = time.perf_counter() - self.started
        total_rss = total_pss = alive = 0
        main_rss, workers_now = 0, False
        read_pss = self.pss and self.samples % self.pss_every == 0
        for pid in tree(self.root):
            rss = rss_bytes(pid)
            if rss is None:
                continue
            process = self.processes.get(pid)
            if process is None:
                process = self.processes[pid] = _Process(role=role(pid, self.root), first=now)
            process.last = now
            process.peak_rss = max(process.peak_rss, rss)
            process.cpu = max(process.cpu, cpu_seconds(pid) or 0.0)
            process.samples.append((now, rss))
            total_rss += rss
            alive += 1
            if pid == self.root:
                main_rss = rss
            workers_now |= process.role == "worker"
            if read_pss:
                total_pss += pss_bytes(pid) or 0
        seen_workers = any(p.role == "worker" for p in self.processes.values())
        phase = "with_workers" if workers_now else ("after_workers" if seen_workers else "before_workers")
        self.main_by_phase[phase] = max(self.main_by_phase.get(phase, 0), main_rss)
        self.peak_sum_rss = max(self.peak_sum_rss, total_rss)
        self.peak_sum_pss = max(self.peak_sum_pss, total_pss)
        self.peak_processes = max(self.peak_processes, alive)
        self.samples += 1

    def summary(self) -> dict:
        """Peaks in MB: of the tree's sum, of each role's largest process, per worker quarter."""
        by_role: dict[str, int] = defaultdict(int)
        cpu: dict[str, float] = defaultdict(float)
        for process in self.processes.values():
            by_role[process.role] = max(by_role[process.role], process.peak_rss)
            cpu[process.role] += process.cpu
        workers = [p for p in self.processes.values() if p.role == "worker" and len(p.samples) >= 8]
        quarters = [_quarters(p) for p in workers]
        main = self.processes.get(self.root)
        return {
            "peak_tree_rss_mb": round(self.peak_sum_rss / MB),
            "peak_tree_pss_mb": round(self.peak_sum_pss / MB) if self.pss else None,
            "peak_process_rss_mb": {name: round(peak / MB) for name, peak in sorted(by_role.items())},
            "cpu_seconds_by_role": {name: round(seconds, 1) for name, seconds in sorted(cpu.items())},
            "worker_quarter_peaks_mb": quarters,
            "main_quarter_peaks_mb": _quarters(main) if main else [],
            "main_peak_by_phase_mb": {k: round(v / MB) for k, v in self.main_by_phase.items()},
            "processes_seen": len(self.processes),
            "max_processes_at_once": self.peak_processes,
            "samples": self.samples,
        }


def _quarters(process: _Process) -> list[int]:
    span = (process.last - process.first) or 1.0
    peaks = [0, 0, 0, 0]
    for when, rss in process.samples:
        index = min(3, int(4 * (when - process.first) / span))
        peaks[index] = max(peaks[index], rss)
    return [round(p / MB) for p in peaks]


def self_rss_bytes() -> int:
    """This process's resident memory now (from /proc/self/statm)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE
