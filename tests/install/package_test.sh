#!/usr/bin/env bash
# The Debian package: built by cpack from this build, its contents listed, extracted into a
# temporary root whose specc checks the example project and serves the pre-commit hook,
# its dependencies computed by dpkg-shlibdeps, and lintian clean apart from the tags
# justified in tests/install/lintian-overrides.txt.
# Usage: package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
problem() { echo "FAIL: $*"; fail=1; }

(cd "$work" && cpack --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/specc_*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# What it installs.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | sort >"$work/contents"
for path in /usr/bin/specc /usr/share/man/man1/specc.1.gz /usr/share/bash-completion/completions/specc \
            /usr/share/zsh/vendor-completions/_specc /usr/share/doc/specc/README.md \
            /usr/share/doc/specc/copyright /usr/share/doc/specc/changelog.gz; do
  grep -qx "$path" "$work/contents" || problem "the package lacks $path"
done
unexpected=$(grep -v -e '/$' -e '^/usr/bin/specc$' -e '^/usr/share/man/man1/specc.1.gz$' \
  -e '^/usr/share/bash-completion/completions/specc$' -e '^/usr/share/zsh/vendor-completions/_specc$' \
  -e '^/usr/share/doc/specc/' "$work/contents" || true)
[ -z "$unexpected" ] || problem "the package holds files it should not: $unexpected"

# Dependencies from dpkg-shlibdeps: the libraries the binary links, with versions; and
# libcurl, which `provision` loads when it first sends a request (linked, its libraries
# cost every command about 25 ms of start-up): named, but not linked.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libgit2 libfyaml libcurl libsodium libzstd libantlr4-runtime libstdc++6; do
  grep -q "$lib" <<<"$depends" || problem "Depends does not name $lib: $depends"
done
if readelf -d "$build_dir/compiler/specc" | grep -q 'NEEDED.*libcurl'; then
  problem "the binary links libcurl; provision/http_curl.cc loads it when needed"
fi
version=$(dpkg-deb -f "$deb" Version)
built=$(sed -nE 's/^#define SPECC_VERSION "(.*)"$/\1/p' "$build_dir/compiler/generated/specc_version.h")
[ "$version" = "$built" ] || problem "the package's version $version is not the binary's $built"

# apt can install it here: every dependency resolves (simulated: nothing changes). It has
# no maintainer scripts, so removing it removes exactly its files.
if command -v apt-get >/dev/null; then
  apt-get -s install "$deb" >"$work/apt.log" 2>&1 || { problem "apt-get cannot install the package:"; cat "$work/apt.log"; }
fi
for script in preinst postinst prerm postrm; do
  dpkg-deb -I "$deb" "$script" >/dev/null 2>&1 && problem "the package has a $script script"
done

# cmake --install puts the same files under any prefix.
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
for path in bin/specc share/man/man1/specc.1.gz share/bash-completion/completions/specc \
            share/zsh/vendor-completions/_specc share/doc/specc/README.md; do
  [ -f "$work/prefix/$path" ] || problem "cmake --install did not install $path"
done

# Extracted into a temporary root: the binary finds everything it needs (nothing under the
# build or source tree), checks the example project, and runs the pre-commit hook's entry.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/specc" --version
[ "$("$work/root/usr/bin/specc" --version)" = "$("$build_dir/compiler/specc" --version)" ] ||
  problem "the packaged binary's --version differs from the build's"
git clone -q --no-local "$source_dir" "$work/example"
# The working tree under test, not only its last commit: copy what git would see.
(cd "$source_dir" && git ls-files -z --cached --others --exclude-standard) |
  (cd "$source_dir" && xargs -0 -I{} sh -c 'test -e "{}" && cp --parents -a "{}" "$0" || true' "$work/example")
if ! (cd "$work/example" && env -i PATH=/usr/bin:/bin HOME="$work" "$work/root/usr/bin/specc" check >"$work/check.log" 2>&1); then
  problem "the packaged specc check on the example project failed:"; cat "$work/check.log"
fi
entry=$(sed -nE 's/^ *entry: *(.*)$/\1/p' "$source_dir/.pre-commit-hooks.yaml")
if ! (cd "$work/example" && env -i PATH="$work/root/usr/bin:/usr/bin:/bin" HOME="$work" sh -c "$entry" >"$work/hook.log" 2>&1); then
  problem "the pre-commit hook's entry '$entry' failed with the packaged specc:"; cat "$work/hook.log"
fi

# lintian: every tag it reports is listed, with its reason, in lintian-overrides.txt.
lintian --tag-display-limit 0 "$deb" 2>/dev/null | grep -E "^[EWIPX]: " >"$work/lintian.log" || true
allowed=$(grep -vE '^(#|$)' "$source_dir/tests/install/lintian-overrides.txt" | cut -d' ' -f1 || true)
while read -r line; do
  [ -n "$line" ] || continue
  tag=$(awk '{print $3}' <<<"$line")
  grep -qx -- "$tag" <<<"$allowed" || problem "lintian: $line"
done <"$work/lintian.log"
echo "lintian: $(grep -c . "$work/lintian.log" || true) tags, all justified"

[ $fail -eq 0 ] && echo "ok: the package installs specc, its man page, completions and docs; lintian clean"
exit $fail
