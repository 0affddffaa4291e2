#!/usr/bin/env python3
"""Front-end benchmark (not a timed test): runs `specc lint` (load, resolve, validate,
lower) on large public descriptions and prints the median wall time, CPU time and peak
RSS over several runs. Usage: tests/bench/bench.py [--runs N] [--specc PATH]."""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.environ.get("SPECC_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
INPUTS = [
    ("GitHub JSON (13 MB)", "github/octokit-openapi/api.github.com.json"),
    ("GitHub YAML (9 MB)", "github/octokit-openapi/api.github.com.yaml"),
    ("Vercel JSON (4 MB, cycles)", "providers/vercel/vercel-spec.json"),
    ("GitHub deref JSON (73 MB)", "scale/api.github.com.deref.json"),
]


def run_once(specc, path):
    """Runs one child and returns (wall s, cpu s, peak RSS MiB) from its rusage."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(specc, [specc, "lint", path])
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        sys.exit(f"specc failed on {path}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--specc", default=os.path.join(ROOT, "build", "compiler", "specc"))
    args = parser.parse_args()
    print(f"specc lint, median of {args.runs} runs after one warm-up")
    print(f"{'input':30} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for label, rel in INPUTS:
        path = os.path.join(CORPUS, rel)
        run_once(args.specc, path)
        samples = [run_once(args.specc, path) for _ in range(args.runs)]
        wall, cpu, rss = (statistics.median(s[i] for s in samples) for i in range(3))
        print(f"{label:30} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")


if __name__ == "__main__":
    main()
