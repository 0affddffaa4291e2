#!/usr/bin/env python3
"""Benchmark (not a timed test): median wall time, CPU time and peak RSS over several runs
of specc on large public descriptions:
- the front end (`specc lint`: load, resolve, validate, lower);
- each emitter on GitHub's description (`specc emit --only KIND`, files written to a
  temporary directory), the four TypeScript-side emitters together, and Postman's own
  converter (openapi-to-postmanv2, when `npm ci` has run in tests/node) on the same file;
- the drift check (`specc check`) on this repository's up-to-date example project and on
  a temporary git repository holding GitHub's description;
- the breaking-change report (`specc diff`) of GitHub's 2022-06 description against
  today's, as two files and with the 2022 one read from a commit of a git repository, and
  of GitHub's JSON description against its YAML twin.
Usage: tests/bench/bench.py [--runs N] [--specc PATH]."""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.environ.get("SPECC_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
INPUTS = [
    ("GitHub JSON (13 MB)", "github/octokit-openapi/api.github.com.json"),
    ("GitHub YAML (9 MB)", "github/octokit-openapi/api.github.com.yaml"),
    ("Vercel JSON (4 MB, cycles)", "providers/vercel/vercel-spec.json"),
    ("GitHub deref JSON (73 MB)", "scale/api.github.com.deref.json"),
]


def run_once(argv, ok=(0, 3)):
    """Runs one child and returns (wall s, cpu s, peak RSS MiB) from its rusage."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        sys.exit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def report(label, argv, runs, ok=(0, 3)):
    run_once(argv, ok)
    samples = [run_once(argv, ok) for _ in range(runs)]
    wall, cpu, rss = (statistics.median(s[i] for s in samples) for i in range(3))
    print(f"{label:50} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--specc", default=os.path.join(ROOT, "build", "compiler", "specc"))
    args = parser.parse_args()
    print(f"median of {args.runs} runs after one warm-up")
    print(f"{'command':50} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for label, rel in INPUTS:
        report(f"lint {label}", [args.specc, "lint", os.path.join(CORPUS, rel)], args.runs)

    github = os.path.join(CORPUS, INPUTS[0][1])
    with tempfile.TemporaryDirectory() as out:
        for kind in ["schemas", "routes", "mcp", "openapi", "routes,schemas,mcp,openapi", "postman"]:
            report(f"emit --only {kind} GitHub JSON", [args.specc, "emit", github, "--out", out, "--only", kind], args.runs)
        converter = os.path.join(ROOT, "tests", "node", "node_modules", ".bin", "openapi2postmanv2")
        node = shutil.which("node")
        if os.path.exists(converter) and node:
            report("openapi-to-postmanv2 GitHub JSON", [node, converter, "-s", github, "-o", os.path.join(out, "o2p.json")],
                   args.runs)

    report("check example (this repository)", [args.specc, "check", "-C", ROOT], args.runs)
    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "specs"))
        shutil.copy(github, os.path.join(repo, "specs", "api.json"))
        git(repo, "init", "-q")
        git(repo, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "--allow-empty", "-m", "init")
        subprocess.run([args.specc, "apply", "-C", repo], check=True, capture_output=True)
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "generated")
        report("check GitHub repository", [args.specc, "check", "-C", repo], args.runs)

    # specc diff exits 1 when a change reaches --fail-on, as GitHub's history does.
    github_2022 = os.path.join(CORPUS, "github/rest-api-description-2022-06/api.github.com.json")
    report("diff GitHub 2022-06 vs today (files)", [args.specc, "diff", github_2022, github], args.runs, ok=(0, 1))
    report("diff GitHub JSON vs its YAML twin", [args.specc, "diff", github, os.path.join(CORPUS, INPUTS[1][1])],
           args.runs, ok=(0, 1))
    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "specs"))
        shutil.copy(github_2022, os.path.join(repo, "specs", "api.json"))
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "2022-06")
        shutil.copy(github, os.path.join(repo, "specs", "api.json"))
        report("diff GitHub repository (HEAD 2022-06, working tree today)", [args.specc, "diff", "-C", repo], args.runs,
               ok=(0, 1))


if __name__ == "__main__":
    main()
