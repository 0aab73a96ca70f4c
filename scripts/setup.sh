# Sourced by scripts/start.sh and scripts/test.sh: Node + Yarn on PATH, dependencies installed.
# Safe to source repeatedly: it reinstalls only when a manifest, the lockfile or the Node major changed.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/toolchain.sh"
cd "$REPO_ROOT"

deps_fingerprint() {
  {
    node --version
    cat yarn.lock .yarnrc.yml package.json
    git ls-files -co --exclude-standard -- 'packages/*/package.json' 'plugins/*/package.json' | sort | xargs cat
  } | sha256sum | cut -d' ' -f1
}

STAMP=node_modules/.setup-fingerprint
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$(deps_fingerprint)" ]; then
  echo "› installing dependencies (yarn install)"
  started=$SECONDS
  if [ "${CI:-}" = "true" ]; then
    yarn install --immutable
  else
    yarn install
  fi
  deps_fingerprint > "$STAMP"
  echo "› dependencies installed in $((SECONDS - started))s"
else
  echo "› dependencies up to date (node $(node --version), yarn $(yarn --version))"
fi
