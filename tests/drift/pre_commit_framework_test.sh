#!/usr/bin/env bash
# The pre-commit framework (Debian's pre-commit) using this repository's
# .pre-commit-hooks.yaml: a commit with stale generated files is blocked, an up-to-date
# one goes through. Usage: pre_commit_framework_test.sh SPECC SOURCE_DIR
set -euo pipefail
specc=$(realpath "$1")
source_dir=$(realpath "$2")
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (tools/dev installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" PATH="$(dirname "$specc"):$PATH"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@localhost GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@localhost

# The hook repository: what a project's .pre-commit-config.yaml points at.
mkdir "$work/hooks" && cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q && git -C "$work/hooks" add -A && git -C "$work/hooks" commit -qm hooks && git -C "$work/hooks" tag v1

# A project with the example's specs, generated and committed.
project="$work/project"
mkdir -p "$project" && cp -r "$source_dir/specs" "$source_dir/specc.yaml" "$project/"
git -C "$project" init -q
cat > "$project/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $work/hooks
    rev: v1
    hooks:
      - id: specc-check
YAML
specc apply -C "$project" >/dev/null
git -C "$project" add -A && git -C "$project" commit -qm "generated" --no-verify
(cd "$project" && pre-commit install >/dev/null)

# A spec change staged without regenerating: the commit must be refused.
sed -i 's/summary: Get a project$/summary: Read one project/' "$project/specs/api/paths/projects.yaml"
git -C "$project" add specs
if git -C "$project" commit -qm "stale" >"$work/out.txt" 2>&1; then
  cat "$work/out.txt"; echo "FAIL: a commit with stale generated files went through" >&2; exit 1
fi
grep -q "specc check" "$work/out.txt" || { cat "$work/out.txt"; echo "FAIL: the hook did not run" >&2; exit 1; }

# Regenerated and staged: the commit goes through.
specc apply -C "$project" >/dev/null
git -C "$project" add -A
git -C "$project" commit -qm "up to date" >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; echo "FAIL: an up-to-date commit was refused" >&2; exit 1; }
echo "pre-commit framework: stale commit blocked, up-to-date commit passed"
