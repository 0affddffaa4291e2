#!/usr/bin/env python3
"""Benchmark (not a timed test): median wall time, CPU time and peak RSS over several runs
of specc on large public descriptions:
- start-up (`specc --version`: the dynamic loader) and the front end (`specc lint`: load,
  resolve, validate, lower);
- each emitter on GitHub's description (`specc emit --only KIND`, files written to a
  temporary directory, over the previous run's), the four TypeScript-side emitters
  together, every emitter into an empty directory, and Postman's own
  converter (openapi-to-postmanv2, when `npm ci` has run in tests/node) on the same file;
- the drift check (`specc check`) on this repository's up-to-date example project and on
  a temporary git repository holding GitHub's description;
- the breaking-change report (`specc diff`) of GitHub's 2022-06 description against
  today's, as two files and with the 2022 one read from a commit of a git repository, and
  of GitHub's JSON description against its YAML twin.
- the incremental check (the run cache, `.git/specc/cache`): on the repository holding
  GitHub's description, and on a synthetic monorepo the script builds in a temporary
  directory from corpus descriptions that lint clean (one service each, named by a project
  spec): cold apply, check with --no-cache and cold (no cache entry, no service record),
  warm check with nothing changed, check after one service's description changed (the
  service records: only that service is loaded and rendered), and apply warm and after
  one description changed;
- parallel work: apply with -j 1 and with -j N (the number of cores), checking that both
  write the same bytes.
Each row is the median of --runs runs (after one warm-up) with the min and max of wall time.
Usage: tests/bench/bench.py [--runs N] [--specc PATH] [--services N] [--only SECTION,...]."""
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


def report(label, argv, runs, ok=(0, 3), before=None, warm_up=True):
    """Prints the median wall, CPU and peak RSS of `runs` runs of argv, and the range of wall
    times. `before`, when given, runs before each sample (untimed): it resets the state that
    the sample measures (a cache to drop, a file to touch)."""
    if warm_up:
        if before:
            before()
        run_once(argv, ok)
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(run_once(argv, ok))
    wall, cpu, rss = (statistics.median(s[i] for s in samples) for i in range(3))
    walls = [s[0] for s in samples]
    print(f"{label:58} {wall:8.3f} {cpu:8.3f} {rss:9.1f}   [{min(walls):.3f} .. {max(walls):.3f}]", flush=True)


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


SKIPPED_CORPUS_DIRS = ("edge", "scale", "secrets", "schemas", "multifile")


def lint_clean_documents(specc, count):
    """The first `count` corpus descriptions (sorted by path, 2 KB to 1.5 MB) that lint
    without a diagnostic when copied alone into a directory (so no $ref leaves the file)."""
    candidates = []
    for dirpath, dirs, names in os.walk(CORPUS):
        dirs.sort()
        if os.path.relpath(dirpath, CORPUS).split(os.sep)[0] in SKIPPED_CORPUS_DIRS:
            continue
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            if name.endswith((".json", ".yaml", ".yml")) and 2_000 < os.path.getsize(path) < 1_500_000:
                candidates.append(path)
    chosen = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted(candidates):
            copy = os.path.join(scratch, "openapi" + os.path.splitext(path)[1])
            shutil.copy(path, copy)
            lint = subprocess.run([specc, "lint", copy], capture_output=True, text=True, timeout=120)
            os.remove(copy)
            if lint.returncode == 0 and "warning" not in lint.stdout + lint.stderr:
                chosen.append(path)
            if len(chosen) == count:
                break
    return chosen


def commit(repo, message):
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "--allow-empty", "-m", message)


def build_monorepo(specc, repo, documents):
    """A repository with one service per document under specs/<service>/ and a project spec
    naming them all; applied and committed. Returns the services' description paths."""
    services = []
    for i, document in enumerate(documents):
        name = f"s{i:03d}"
        rel = f"{name}/openapi{os.path.splitext(document)[1]}"
        os.makedirs(os.path.join(repo, "specs", name))
        shutil.copy(document, os.path.join(repo, "specs", rel))
        services.append((name, rel))
    lines = ['project "mono" {', '  id = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10"', '  version = "1.0.0"',
             '  constitution = "1.0.0"', "  environments { dev }"]
    lines += [f'  service {name} {{ openapi = "{rel}"; runtime = node }}' for name, rel in services]
    with open(os.path.join(repo, "specs", "mono.specc"), "w") as f:
        f.write("\n".join(lines + ["}"]) + "\n")
    git(repo, "init", "-q")
    commit(repo, "specs")
    apply = subprocess.run([specc, "apply", "-C", repo], capture_output=True, text=True)
    if apply.returncode != 0:
        sys.exit(f"apply failed on the monorepo ({apply.returncode}):\n{apply.stderr[-3000:]}")
    commit(repo, "generated")
    return [os.path.join(repo, "specs", rel) for _, rel in services]


def drop_cache(repo):
    """Drops the run cache and the service records (.git/specc/cache, .git/specc/services)."""
    for d in ("cache", "services"):
        shutil.rmtree(os.path.join(repo, ".git", "specc", d), ignore_errors=True)


def generated_files(repo):
    """Every file apply wrote (all files but specs/ and .git), path -> bytes."""
    out = {}
    for dirpath, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git" and not (dirpath == repo and d == "specs")]
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, repo)] = f.read()
    return out


def incremental_rows(specc, repo, label, runs, changed_file):
    """Cold check (no cache at all, and with --no-cache), warm check, and check after
    `changed_file` changed (its bytes alternate between the committed ones and the same
    plus a trailing newline, which changes no output); then the same for apply, which
    writes nothing in any of them: each sample starts from the state it measures."""
    report(f"check {label}, --no-cache", [specc, "check", "--no-cache", "-C", repo], runs)
    report(f"check {label}, cold (no cache entry)", [specc, "check", "-C", repo], runs, before=lambda: drop_cache(repo))
    report(f"check {label}, warm (nothing changed)", [specc, "check", "-C", repo], runs)
    with open(changed_file, "rb") as f:
        original = f.read()
    state = {"edited": False}

    def touch_one():
        state["edited"] = not state["edited"]
        with open(changed_file, "wb") as f:
            f.write(original + b"\n" if state["edited"] else original)
        # The records must hold the other version: the previous sample stored it.

    report(f"check {label}, one description changed", [specc, "check", "-C", repo], runs, before=touch_one)
    report(f"apply {label}, warm (nothing changed)", [specc, "apply", "-C", repo], runs)
    report(f"apply {label}, one description changed", [specc, "apply", "-C", repo], runs, before=touch_one)
    with open(changed_file, "wb") as f:
        f.write(original)


def section_lint(args):
    # What every command pays before it reads anything: loading the shared libraries.
    report("start-up (specc --version)", [args.specc, "--version"], args.runs)
    for label, rel in INPUTS:
        report(f"lint {label}", [args.specc, "lint", os.path.join(CORPUS, rel)], args.runs)


def section_emit(args):
    github = os.path.join(CORPUS, INPUTS[0][1])
    with tempfile.TemporaryDirectory() as out:
        for kind in ["schemas", "routes", "mcp", "openapi", "routes,schemas,mcp,openapi", "postman", ""]:
            only = ["--only", kind] if kind else []
            report(f"emit {'--only ' + kind if kind else 'everything'} GitHub JSON",
                   [args.specc, "emit", github, "--out", out, *only], args.runs)
        # The rows above replace the previous run's files; a clean checkout (CI) writes into
        # an empty directory, emptied before each run, untimed.
        fresh = os.path.join(out, "fresh")
        report("emit everything GitHub JSON, into an empty directory", [args.specc, "emit", github, "--out", fresh],
               args.runs, before=lambda: shutil.rmtree(fresh, ignore_errors=True))
        converter = os.path.join(ROOT, "tests", "node", "node_modules", ".bin", "openapi2postmanv2")
        node = shutil.which("node")
        if os.path.exists(converter) and node:
            report("openapi-to-postmanv2 GitHub JSON", [node, converter, "-s", github, "-o", os.path.join(out, "o2p.json")],
                   args.runs)


def section_check(args):
    github = os.path.join(CORPUS, INPUTS[0][1])
    report("check example (this repository), no cache", [args.specc, "check", "--no-cache", "-C", ROOT], args.runs)
    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "specs"))
        shutil.copy(github, os.path.join(repo, "specs", "api.json"))
        git(repo, "init", "-q")
        commit(repo, "init")
        subprocess.run([args.specc, "apply", "-C", repo], check=True, capture_output=True)
        commit(repo, "generated")
        incremental_rows(args.specc, repo, "GitHub repository", args.runs, os.path.join(repo, "specs", "api.json"))


def section_monorepo(args):
    documents = lint_clean_documents(args.specc, args.services)
    if len(documents) < args.services:
        sys.exit(f"only {len(documents)} corpus descriptions lint clean; asked for {args.services}")
    with tempfile.TemporaryDirectory() as repo:
        descriptions = build_monorepo(args.specc, repo, documents)
        size = sum(os.path.getsize(d) for d in descriptions) / 1e6
        label = f"monorepo ({len(descriptions)} services, {size:.0f} MB of descriptions)"
        outputs = ["src", "postman", "env", "infra", ".specc"]

        def clean_outputs():
            for d in outputs:
                shutil.rmtree(os.path.join(repo, d), ignore_errors=True)
            drop_cache(repo)

        report(f"apply {label}, cold", [args.specc, "apply", "-C", repo], args.runs, before=clean_outputs)
        git(repo, "checkout", "--", ".")
        incremental_rows(args.specc, repo, label, args.runs, descriptions[len(descriptions) // 2])


def section_diff(args):
    github = os.path.join(CORPUS, INPUTS[0][1])
    # specc diff exits 1 when a change reaches --fail-on, as GitHub's history does.
    github_2022 = os.path.join(CORPUS, "github/rest-api-description-2022-06/api.github.com.json")
    report("diff GitHub 2022-06 vs today (files)", [args.specc, "diff", github_2022, github], args.runs, ok=(0, 1))
    report("diff GitHub JSON vs its YAML twin", [args.specc, "diff", github, os.path.join(CORPUS, INPUTS[1][1])],
           args.runs, ok=(0, 1))
    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "specs"))
        shutil.copy(github_2022, os.path.join(repo, "specs", "api.json"))
        git(repo, "init", "-q")
        commit(repo, "2022-06")
        shutil.copy(github, os.path.join(repo, "specs", "api.json"))
        report("diff GitHub repository (HEAD 2022-06, working tree today)", [args.specc, "diff", "-C", repo], args.runs,
               ok=(0, 1))


SECTIONS = {"lint": section_lint, "emit": section_emit, "check": section_check, "monorepo": section_monorepo,
            "diff": section_diff}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--specc", default=os.path.join(ROOT, "build", "compiler", "specc"))
    parser.add_argument("--services", type=int, default=50, help="services of the synthetic monorepo")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections to run: " + ", ".join(SECTIONS))
    args = parser.parse_args()
    args.specc = os.path.abspath(args.specc)
    print(f"median of {args.runs} runs after one warm-up; {os.cpu_count()} cores")
    print(f"{'command':58} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}   [wall min .. max]")
    for name in args.only.split(","):
        SECTIONS[name](args)


if __name__ == "__main__":
    main()
