#!/usr/bin/env bash
# README command (1): set up, then run the whole Backstage (frontend :3000, backend :7007).
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
exec yarn start "$@"
