#!/usr/bin/env bash
# README command (1): set up, then run the whole Backstage (frontend :3000, backend :7007) against
# the local Azure + Docker Hub emulator (:7443). Ctrl-C stops all three.
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
source "$REPO_ROOT/scripts/emulator.sh"
yarn start "$@"
