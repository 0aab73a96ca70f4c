#!/usr/bin/env bash
# Adopter smoke test: installs our packages into a new Backstage app exactly as their READMEs say.
#
#  1. builds and packs every publishable package, checks what their READMEs name is in the
#     tarballs (scripts/adopter-smoke/tarballs.mjs), and serves them from a local npm registry for
#     the @defender-backstage scope, as if published this minute (so the new app's minimal-age
#     gate applies, as it does to adopters on the day of a release);
#  2. creates an app with a pinned @backstage/create-app (cached, reset to pristine each run);
#  3. applies the READMEs' marked install steps verbatim (scripts/adopter-smoke/readme-steps.mjs),
#     starting the emulator as the backend README says, and checks the entity card is listed first;
#  4. type-checks the app, starts its backend on free ports, and checks over HTTP that the
#     actions are listed, the connector Resources appear, an onboarding task succeeds and the
#     entity card's route answers (scripts/adopter-smoke/checks.mjs);
#  5. prints what the adopter added (lines of code and config) and how long each stage took.
#
# Environment: ADOPTER_SMOKE_CREATE_APP (create-app version, default 0.9.2 = Backstage 1.55.0),
# ADOPTER_SMOKE_BACKSTAGE=latest (then bump every @backstage/* package of the app to npm's latest,
# the current release), ADOPTER_SMOKE_CACHE (default ~/.cache/defender-backstage-adopter-smoke).
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

CREATE_APP_VERSION="${ADOPTER_SMOKE_CREATE_APP:-0.9.2}"
BACKSTAGE="${ADOPTER_SMOKE_BACKSTAGE:-create-app}"
CACHE="${ADOPTER_SMOKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/defender-backstage-adopter-smoke}"
WORK="$REPO_ROOT/.adopter-smoke" # git-ignored: this run's logs and config
HELPERS="$REPO_ROOT/scripts/adopter-smoke"
# The READMEs an adopter follows, in the order the smoke test applies their steps.
READMES=(
  plugins/defender-for-containers-backend/README.md
  plugins/scaffolder-backend-module-defender-for-containers/README.md
  plugins/catalog-backend-module-defender-for-containers-templates/README.md
  plugins/defender-for-containers/README.md
)

rm -rf "$WORK" && mkdir -p "$WORK/logs" "$CACHE"
# One run at a time per cache: the cached app and tarballs are shared by every clone on this
# machine (CI runs on fresh clones), and a run resets the app another would be using. Only this
# shell holds the lock (fd 9): the processes it starts in the background get it closed.
exec 9> "$CACHE/lock"
if ! flock -n 9; then
  echo "› waiting for another adopter smoke run on this machine (lock: $CACHE/lock)"
  flock 9
fi
LOGS="$WORK/logs"
SMOKE_STARTED=$SECONDS
timings=()
stage() { STAGE_NAME="$1"; STAGE_STARTED=$SECONDS; echo; echo "━━ adopter smoke: $1"; }
stage_done() { timings+=("$(printf '%-44s %4ss' "$STAGE_NAME" "$((SECONDS - STAGE_STARTED))")"); }
fail() { echo "✗ $*" >&2; exit 1; }

PIDS=()
cleanup() {
  # Our own processes only, each started in its own process group (setsid / detached).
  local pid
  for pid in "${PIDS[@]}" $(cat "$LOGS/background.pids" 2>/dev/null); do
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  if [ -n "${FRESH_APP_ROOT:-}" ]; then rm -rf "$FRESH_APP_ROOT"; fi
}
trap cleanup EXIT

# @backstage/* packages the app holds in more than one version ("name@v1|v2" per line).
duplicates() {
  (cd "$APP" && node -e '
    const fs = require("fs"), path = require("path");
    const seen = new Map();
    (function walk(dir, depth) {
      const nm = path.join(dir, "node_modules");
      if (depth > 8 || !fs.existsSync(nm)) return;
      for (const n of fs.readdirSync(nm)) {
        if (n.startsWith(".")) continue;
        const names = n.startsWith("@") ? fs.readdirSync(path.join(nm, n)).map(m => path.join(n, m)) : [n];
        for (const name of names) {
          const p = path.join(nm, name, "package.json");
          if (n === "@backstage" && fs.existsSync(p)) {
            const { version } = JSON.parse(fs.readFileSync(p, "utf8"));
            (seen.get(name) ?? seen.set(name, new Set()).get(name)).add(version);
          }
          walk(path.join(nm, name), depth + 1);
        }
      }
    })(".", 0);
    for (const [n, v] of seen) if (v.size > 1) console.log(`${n}@${[...v].sort().join("|")}`);
  ')
}
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# ── 1. build and pack ────────────────────────────────────────────────────────────────────────────
stage "build and pack the packages"
mapfile -t PACKAGES < <(node -e '
  const { execSync } = require("child_process");
  for (const line of execSync("yarn workspaces list --json", { encoding: "utf8" }).trim().split("\n")) {
    const { location, name } = JSON.parse(line);
    const pkg = require(`./${location}/package.json`);
    if (name.startsWith("@defender-backstage/") && !pkg.private) console.log(`${location} ${name}`);
  }')
FINGERPRINT=$(
  {
    cat yarn.lock package.json tsconfig.json
    # the templates package ships a copy of these
    git ls-files -co --exclude-standard -- templates | sort | xargs cat
    for entry in "${PACKAGES[@]}"; do
      dir="${entry%% *}"
      git ls-files -co --exclude-standard -- "$dir" | sort | xargs cat
    done
  } | sha256sum | cut -c1-16
)
TARBALLS="$CACHE/tarballs/$FINGERPRINT"
# In CI the packages are built and packed on every run, like the app below.
if [ "${CI:-}" != "true" ] && [ -f "$TARBALLS/.complete" ]; then
  echo "› packages unchanged since the last run: reusing $TARBALLS"
else
  rm -rf "$TARBALLS" && mkdir -p "$TARBALLS"
  # Declarations for the builds; tsc writes them even when it reports errors, and the type
  # check step of the test command is where errors count.
  yarn tsc > "$LOGS/tsc.log" 2>&1 || echo "› yarn tsc reported errors (see $LOGS/tsc.log); building from the declarations it wrote"
  for entry in "${PACKAGES[@]}"; do
    dir="${entry%% *}" name="${entry#* }"
    (cd "$dir" && yarn backstage-cli package build) > "$LOGS/build-${name##*/}.log" 2>&1 ||
      { tail -30 "$LOGS/build-${name##*/}.log"; fail "build of $name failed"; }
    yarn workspace "$name" pack --out "$TARBALLS/${name##*/}.tgz" > "$LOGS/pack-${name##*/}.log" 2>&1 ||
      { tail -30 "$LOGS/pack-${name##*/}.log"; fail "pack of $name failed"; }
    echo "› packed $name"
  done
  touch "$TARBALLS/.complete"
  # keep the three newest sets
  ls -1dt "$CACHE"/tarballs/*/ | tail -n +4 | xargs -r rm -rf
fi
node "$HELPERS/tarballs.mjs" "$TARBALLS" "$REPO_ROOT" "${PACKAGES[@]}" || fail "a README names what its tarball does not hold"
stage_done

# ── 2. the registry ──────────────────────────────────────────────────────────────────────────────
setsid node "$HELPERS/registry.mjs" "$TARBALLS" "$WORK/registry.port" > "$LOGS/registry.log" 2>&1 9>&- &
PIDS+=($!)
for _ in $(seq 1 50); do [ -s "$WORK/registry.port" ] && break; sleep 0.1; done
REGISTRY="http://localhost:$(cat "$WORK/registry.port")"

# ── 3. the app ───────────────────────────────────────────────────────────────────────────────────
stage "app from @backstage/create-app@$CREATE_APP_VERSION ($BACKSTAGE)"
if [ "${CI:-}" = "true" ]; then
  # In CI the app is created and installed from nothing on every run, so a green run cannot rest
  # on an app a previous run left behind; only Yarn's package archives are shared between runs.
  APP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/defender-adopter-app.XXXXXX")"
  FRESH_APP_ROOT="$APP_ROOT" # removed by cleanup
else
  APP_ROOT="$CACHE/app-$CREATE_APP_VERSION-$BACKSTAGE-v2"
fi
APP="$APP_ROOT/app"
YARN_CACHE="$CACHE/yarn-cache"
mkdir -p "$APP_ROOT" "$YARN_CACHE"
# Outside the app, so its own files stay as create-app wrote them: Yarn reads the .yarnrc.yml of
# parent directories too. Our scope comes from the local registry; the app keeps its own cache.
cat > "$APP_ROOT/.yarnrc.yml" <<EOF
npmScopes:
  defender-backstage:
    npmRegistryServer: "$REGISTRY"
unsafeHttpWhitelist: [localhost]
enableGlobalCache: false
cacheFolder: "$YARN_CACHE"
EOF
# The app's lockfile is generated by its first install, so that install cannot be immutable, which
# Yarn turns on by itself under CI=true. This repository's own installs stay immutable.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
if [ -f "$APP_ROOT/ready" ] && git -C "$APP" rev-parse -q --verify pristine > /dev/null; then
  echo "› reusing the installed app in $APP (reset to pristine)"
  git -C "$APP" reset -q --hard pristine
  git -C "$APP" clean -q -ffdx -e node_modules -e .yarn
  if [ ! -f "$APP_ROOT/pristine-duplicates.txt" ]; then
    (cd "$APP" && yarn install) > "$LOGS/app-install.log" 2>&1 || { tail -30 "$LOGS/app-install.log"; fail "yarn install of the app failed"; }
    duplicates > "$APP_ROOT/pristine-duplicates.txt"
  fi
else
  rm -rf "$APP" "$APP_ROOT/ready"
  (cd "$APP_ROOT" && BACKSTAGE_APP_NAME=adopter npx --yes "@backstage/create-app@$CREATE_APP_VERSION" --path app --skip-install) \
    > "$LOGS/create-app.log" 2>&1 || { tail -30 "$LOGS/create-app.log"; fail "create-app failed"; }
  [ -d "$APP/.git" ] || { git -C "$APP" init -q && git -C "$APP" add -A && git -C "$APP" -c user.name=smoke -c user.email=smoke@localhost commit -qm "create-app"; }
  # create-app pins the release through a seed yarn.lock it downloads from GitHub, which this
  # machine cannot reach; without it `^` ranges resolve to the newest versions and a "1.55" app
  # mixes in 1.57 plugins that 1.55's backend-defaults cannot run. So do what the seed does: pin
  # the app's @backstage/* dependencies to the versions create-app wrote.
  node -e '
    const fs = require("fs");
    for (const file of process.argv.slice(1)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      for (const field of ["dependencies", "devDependencies"])
        for (const [name, range] of Object.entries(pkg[field] ?? {}))
          if (name.startsWith("@backstage/")) pkg[field][name] = range.replace(/^\^/, "");
      fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
    }' "$APP/package.json" "$APP/packages/app/package.json" "$APP/packages/backend/package.json"
  echo "› yarn install (first run only; later runs reuse this app)"
  (cd "$APP" && yarn install) > "$LOGS/app-install.log" 2>&1 || { tail -30 "$LOGS/app-install.log"; fail "yarn install of the new app failed"; }
  if [ "$BACKSTAGE" = latest ]; then
    echo "› bumping every @backstage/* package to its latest version"
    (cd "$APP" && yarn up '@backstage/*@latest' && yarn dedupe '@backstage/*') > "$LOGS/app-up.log" 2>&1 ||
      { tail -30 "$LOGS/app-up.log"; fail "yarn up '@backstage/*' failed"; }
    # The release those latest versions make up: the one this repository uses.
    cp backstage.json "$APP/backstage.json"
  fi
  git -C "$APP" add -A
  git -C "$APP" -c user.name=smoke -c user.email=smoke@localhost commit -qm "installed" --allow-empty
  git -C "$APP" tag -f pristine > /dev/null
  duplicates > "$APP_ROOT/pristine-duplicates.txt"
  touch "$APP_ROOT/ready"
fi
# Our packages change between runs under the same version: never reuse a cached archive of them.
rm -f "$YARN_CACHE"/@defender-backstage-*
echo "› Backstage $(node -p "require('$APP/backstage.json').version") ($(node -p "require('$APP/node_modules/@backstage/backend-plugin-api/package.json').version") backend-plugin-api, $(node -p "require('$APP/node_modules/@backstage/frontend-plugin-api/package.json').version") frontend-plugin-api)"
stage_done

# ── 4. the README steps ──────────────────────────────────────────────────────────────────────────
stage "README install steps, verbatim"
EMULATOR_PORT=$(free_port)
export AZURE_DOCKERHUB_EMULATOR_PORT="$EMULATOR_PORT"
node "$HELPERS/readme-steps.mjs" "$APP" "$LOGS" "${READMES[@]}" 9>&- || fail "a README step failed (log: $LOGS/steps.log)"
# Unlisted, the card renders after Backstage's own cards, below the fold: the steps must list it
# first among the entity cards of app.extensions.
node -e '
  const YAML = require("yaml");
  const config = YAML.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ids = (config?.app?.extensions ?? []).map(e => (typeof e === "string" ? e : Object.keys(e)[0]));
  const first = ids.find(id => id.startsWith("entity-card:"));
  if (first !== "entity-card:defender-for-containers/connectors") {
    console.error(`✗ app.extensions lists ${first ?? "no entity card"} first, not the Defender card`);
    process.exit(1);
  }
  console.log("  ✓ app.extensions lists the Defender card first among the entity cards");
' "$APP/app-config.yaml" || fail "the README steps do not put the entity card first"
stage_done

# What the adopter wrote by hand (tracked files; the generated app-config.local.yaml is counted apart).
git -C "$APP" add -A
count() { git -C "$APP" diff --cached --numstat pristine -- "$@" | awk '{ n += $1 } END { print n + 0 }'; }
CODE_LINES=$(count '*.ts' '*.tsx' '*.js')
CONFIG_LINES=$(count 'app-config*.yaml')
YARNRC_LINES=$(count '.yarnrc.yml')
DEP_LINES=$(count '*package.json')
GENERATED_LINES=$(grep -cv '^\s*#' "$APP/app-config.local.yaml" 2>/dev/null || echo 0)

stage "type check of the app (the README code compiles)"
(cd "$APP" && yarn tsc) > "$LOGS/app-tsc.log" 2>&1 || { tail -40 "$LOGS/app-tsc.log"; fail "yarn tsc of the app failed"; }
stage_done


duplicates > "$LOGS/duplicates.txt"

# ── 5. run it ────────────────────────────────────────────────────────────────────────────────────
stage "backend on the emulator, checks over HTTP"
BACKEND_PORT=$(free_port)
cat > "$WORK/app-config.smoke.yaml" <<EOF
# The smoke test's ports (the local stack and the browser tests use 3000, 7007 and 7443).
app:
  baseUrl: http://localhost:$BACKEND_PORT
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
EOF
CONFIGS=(--config ../../app-config.yaml)
[ -f "$APP/app-config.local.yaml" ] && CONFIGS+=(--config ../../app-config.local.yaml)
CONFIGS+=(--config "$WORK/app-config.smoke.yaml")
(cd "$APP/packages/backend" && GITHUB_TOKEN="${GITHUB_TOKEN:-unused}" exec setsid yarn start "${CONFIGS[@]}") > "$LOGS/backend.log" 2>&1 9>&- &
PIDS+=($!)
node "$HELPERS/checks.mjs" "http://localhost:$BACKEND_PORT" "$LOGS/backend.log" || {
  echo "--- backend log (tail)"; tail -40 "$LOGS/backend.log"
  fail "adopter checks failed (logs: $LOGS)"
}
stage_done

echo
echo "━━ adopter smoke: summary"
printf '%s\n' "${timings[@]}"
printf '%-44s %4ss\n' "total" "$((SECONDS - SMOKE_STARTED))"
echo "Backstage $(node -p "require('$APP/backstage.json').version") app from @backstage/create-app@$CREATE_APP_VERSION ($BACKSTAGE)"
echo "adopter added: $CODE_LINES lines of code (target ≤ 10), $CONFIG_LINES lines of app-config, $YARNRC_LINES of .yarnrc.yml, $DEP_LINES package.json lines (yarn add); generated: $GENERATED_LINES lines of app-config.local.yaml (--print-config)"
ADDED_DUPLICATES=$(comm -13 <(sort "$APP_ROOT/pristine-duplicates.txt" 2>/dev/null) <(sort "$LOGS/duplicates.txt"))
echo "@backstage/* packages held twice: $(wc -l < "$LOGS/duplicates.txt") in the app, $(wc -l < "$APP_ROOT/pristine-duplicates.txt" 2>/dev/null || echo '?') before our packages; added by them: $(printf '%s' "$ADDED_DUPLICATES" | grep -c . || true)"
[ -z "$ADDED_DUPLICATES" ] || printf '%s\n' "$ADDED_DUPLICATES" | sed 's/^/  /'
[ "$CODE_LINES" -le 10 ] || fail "the READMEs ask for $CODE_LINES lines of code (target ≤ 10)"
