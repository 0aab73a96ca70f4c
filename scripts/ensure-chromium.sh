# Sourced by scripts/test.sh: Debian's Chromium for the browser tests (never a browser download).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH=/usr/bin/chromium
fi
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "› installing Debian chromium for the browser tests (apt-get)"
  source "$REPO_ROOT/scripts/apt-install.sh"
  apt_install chromium fonts-liberation
fi
export CHROMIUM_PATH
echo "› $("$CHROMIUM_PATH" --version 2>/dev/null)"
