# Sourced by scripts/start.sh: starts the Azure + Docker Hub emulator with the demo scenario on
# https://127.0.0.1:7443, keeping its CA in .emulator/ (ca.pem is the backend's
# defenderForContainers.caFile; reused across restarts, so a running backend keeps trusting a
# restarted emulator), and stops it when the calling shell exits.
EMULATOR_PORT="${EMULATOR_PORT:-7443}"
EMULATOR_DIR="$REPO_ROOT/.emulator"
mkdir -p "$EMULATOR_DIR"

node "$REPO_ROOT/packages/azure-dockerhub-emulator/bin/azure-dockerhub-emulator" \
  --scenario "$REPO_ROOT/packages/azure-dockerhub-emulator/scenarios/demo.yaml" \
  --port "$EMULATOR_PORT" --ca-dir "$EMULATOR_DIR" \
  > "$EMULATOR_DIR/emulator.log" 2>&1 &
EMULATOR_PID=$!
trap 'kill "$EMULATOR_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  grep -q 'listening on' "$EMULATOR_DIR/emulator.log" 2>/dev/null && break
  if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
    echo "✗ the emulator stopped during startup; its log:" >&2
    cat "$EMULATOR_DIR/emulator.log" >&2
    exit 1
  fi
  sleep 0.5
done
grep -q 'listening on' "$EMULATOR_DIR/emulator.log" || { echo "✗ the emulator did not start in 30s; see .emulator/emulator.log" >&2; exit 1; }
echo "› Azure + Docker Hub emulator on https://127.0.0.1:$EMULATOR_PORT (demo scenario; log: .emulator/emulator.log)"
