# Sourced by scripts that need a Debian package: `apt_install <package>...`.
# A fresh cloud VM often runs unattended upgrades at boot, which hold dpkg's and apt's locks for
# minutes; we wait for them (and say so) instead of failing at once.
APT_LOCK_TIMEOUT="${APT_LOCK_TIMEOUT:-900}" # seconds

# Exit status 0 when another process holds one of apt's or dpkg's locks (they are fcntl locks,
# which `flock` cannot see).
apt_lock_held() {
  python3 - "$@" <<'PY' 2>/dev/null
import fcntl, os, sys
for path in ("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock", "/var/lib/apt/lists/lock", "/var/cache/apt/archives/lock"):
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        continue
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.exit(0)
    finally:
        os.close(fd)
sys.exit(1)
PY
}

apt_install() {
  local sudo="" waited=0
  [ "$(id -u)" = "0" ] || sudo="sudo"
  if $sudo bash -c "$(declare -f apt_lock_held); apt_lock_held"; then
    echo "› waiting for another apt-get/dpkg to release its lock (up to ${APT_LOCK_TIMEOUT}s; unattended upgrades often run on a new machine)"
    while $sudo bash -c "$(declare -f apt_lock_held); apt_lock_held"; do
      sleep 2
      waited=$((waited + 2))
      [ "$waited" -lt "$APT_LOCK_TIMEOUT" ] || { echo "✗ apt's lock is still held after ${APT_LOCK_TIMEOUT}s; run the command again once the other apt-get has finished" >&2; return 1; }
    done
    echo "› the lock is free after ${waited}s"
  fi
  # The lock can be taken again between our check and apt-get's: apt-get waits for it too.
  local apt=($sudo apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_TIMEOUT" -qq)
  "${apt[@]}" update >/dev/null
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y "$@" >/dev/null
}
