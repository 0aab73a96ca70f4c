#!/usr/bin/env bash
# README command (1): set up, then run the whole Backstage (frontend :3000, backend :7007) against
# the local Azure + Docker Hub emulator (:7443). Ctrl-C stops all three.
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
source "$REPO_ROOT/scripts/emulator.sh"
# The demo's settings (emulator endpoints, guest sign-in, example catalog) live in their own file,
# so that a production start (app-config.yaml + app-config.production.yaml) never inherits them.
CONFIGS=(--config "$REPO_ROOT/app-config.yaml" --config "$REPO_ROOT/app-config.emulator.yaml")
[ -f app-config.local.yaml ] && CONFIGS+=(--config "$REPO_ROOT/app-config.local.yaml")
yarn start "${CONFIGS[@]}" "$@"
