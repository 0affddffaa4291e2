#!/usr/bin/env bash
# specc's version comes from the latest vX.Y.Z tag, or the CMake project version outside
# git; --version adds the commit. Checked on a temporary clone, tagged there, through the
# same script the build runs (compiler/cmake/version.cmake), and on the built binary.
# Usage: version_test.sh SOURCE_DIR BUILD_DIR SPECC
set -euo pipefail
source_dir=$1
build_dir=$2
specc=$3
script=$source_dir/compiler/cmake/version.cmake
project_version=$(sed -nE 's/^project\(specc VERSION ([0-9.]+).*/\1/p' "$source_dir/CMakeLists.txt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

header_of() {  # DIR -> the version and describe the build would record for the sources in DIR
  cmake -DSOURCE_DIR="$1" -DPROJECT_VERSION="$project_version" -DOUTPUT="$work/out/specc_version.h" -P "$script"
  sed -nE 's/^#define SPECC_(VERSION|GIT_DESCRIBE) "(.*)"$/\2/p' "$work/out/specc_version.h" | paste -sd' '  | sed 's/ $//'
}
expect() {
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got '$2', want '$3'"; fail=1; else echo "ok: $1: $2"; fi
}

# The built binary prints what its build recorded.
built=$(sed -nE 's/^#define SPECC_VERSION "(.*)"$/\1/p' "$build_dir/compiler/generated/specc_version.h")
describe=$(sed -nE 's/^#define SPECC_GIT_DESCRIBE "(.*)"$/\1/p' "$build_dir/compiler/generated/specc_version.h")
expect "specc --version" "$("$specc" --version)" "specc $built${describe:+ (git $describe)}"

# A clone: untagged, tagged, and a commit after the tag.
git clone -q --no-local "$source_dir" "$work/clone"
git -C "$work/clone" tag -d $(git -C "$work/clone" tag -l) >/dev/null 2>&1 || true
head=$(git -C "$work/clone" rev-parse --short=12 HEAD)
expect "untagged clone" "$(header_of "$work/clone")" "$project_version $head"
git -C "$work/clone" -c user.name=t -c user.email=t@example.com tag -a v9.8.7 -m "release 9.8.7"
expect "clone tagged v9.8.7" "$(header_of "$work/clone")" "9.8.7 v9.8.7"
git -C "$work/clone" -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m "after the release"
after=$(git -C "$work/clone" rev-parse --short=12 HEAD)
expect "one commit after v9.8.7" "$(header_of "$work/clone")" "9.8.7 v9.8.7-1-g$after"
git -C "$work/clone" tag not-a-version
expect "a tag that is not a version is ignored" "$(header_of "$work/clone")" "9.8.7 v9.8.7-1-g$after"
grep -q "^specc (9.8.7) unstable" "$work/out/changelog" || { echo "FAIL: the changelog does not name 9.8.7"; fail=1; }

# Sources outside git (a tarball): the project version, no commit.
mkdir "$work/tarball"
git -C "$work/clone" archive HEAD | tar -x -C "$work/tarball"
expect "sources outside git" "$(header_of "$work/tarball")" "$project_version"

# The manifest records the version, not the commit: generated files do not drift when
# specc is rebuilt from another commit.
manifest_version=$(sed -nE 's/^ *"version": "(.*)",?$/\1/p' "$source_dir/.specc/manifest.json" | head -1)
expect "the example's manifest records the version" "$manifest_version" "$built"
exit $fail
