# Sourced by scripts/test.sh: Debian's Chromium for the browser tests (never a browser download).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH=/usr/bin/chromium
fi
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "› installing Debian chromium for the browser tests (apt-get)"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
fi
export CHROMIUM_PATH
echo "› $("$CHROMIUM_PATH" --version 2>/dev/null)"
