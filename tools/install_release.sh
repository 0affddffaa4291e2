#!/usr/bin/env bash
# Installs a released specc Debian package, for the GitHub Action (action.yml).
# Environment:
#   SPECC_VERSION            the release (0.1.0); empty: the version of SPECC_ACTION_REF (v0.1.0)
#   SPECC_ACTION_REF         the ref the workflow took the action at
#   SPECC_ACTION_REPOSITORY  owner/name of the action's repository, whose releases hold
#                            specc_<version>_amd64.deb (built by `cpack -G DEB`)
#   SPECC_TOKEN              a token for the download (optional)
# Does nothing when the specc on PATH already is that version.
set -euo pipefail
version=${SPECC_VERSION:-}
if [ -z "$version" ]; then
  if [[ ${SPECC_ACTION_REF:-} =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]]; then
    version=${BASH_REMATCH[1]}
  else
    echo "::error title=specc::set the action's version input (the action is used at '${SPECC_ACTION_REF:-}', not at a release tag)"
    exit 1
  fi
fi
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "::error title=specc::'$version' is not a specc version (X.Y.Z)"
  exit 1
fi
if command -v specc >/dev/null && [[ "$(specc --version)" == "specc $version"* ]]; then
  echo "specc $version is already installed"
  exit 0
fi
deb="${RUNNER_TEMP:-/tmp}/specc_${version}_amd64.deb"
url="https://github.com/${SPECC_ACTION_REPOSITORY}/releases/download/v${version}/specc_${version}_amd64.deb"
auth=()
[ -z "${SPECC_TOKEN:-}" ] || auth=(-H "Authorization: Bearer ${SPECC_TOKEN}")
curl -fsSL --retry 3 "${auth[@]}" -o "$deb" "$url"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get install -y -qq "$deb" >/dev/null
specc --version
