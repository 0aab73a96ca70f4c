# Sourced by scripts/test.sh: a throwaway PostgreSQL cluster on a free loopback port for the storage
# tests, from Debian's `postgresql` package (installed with apt-get when missing). Exports the
# connection string under the name @backstage/backend-test-utils' TestDatabases reads, and removes
# the cluster when the calling shell exits. Nothing else on the machine is touched.
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bindir)" ] || [ ! -x "$(pg_bindir)/initdb" ]; then
  echo "› installing Debian postgresql for the storage tests (apt-get)"
  source "$REPO_ROOT/scripts/apt-install.sh"
  apt_install postgresql
fi
PG_BIN="$(pg_bindir)"
PG_MAJOR="$(basename "$(dirname "$PG_BIN")")"

# PostgreSQL refuses to run as root; the package creates the `postgres` system user for it.
if [ "$(id -u)" = "0" ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

PG_DIR="$(mktemp -d /tmp/defender-pg.XXXXXX)"
chmod 755 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown postgres "$PG_DIR"
PG_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
  { echo "✗ initdb failed:" >&2; cat "$PG_DIR/initdb.log" >&2; return 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null ||
  { echo "✗ PostgreSQL did not start:" >&2; cat "$PG_DIR/server.log" >&2; return 1; }

stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
# Chain onto any EXIT trap already set (the emulator's, for example).
PREVIOUS_EXIT_TRAP="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "stop_postgres; ${PREVIOUS_EXIT_TRAP:-true}" EXIT

export "BACKSTAGE_TEST_DATABASE_POSTGRES${PG_MAJOR}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$PG_PORT"
export DEFENDER_TEST_POSTGRES_ID="POSTGRES_${PG_MAJOR}"
echo "› PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT (throwaway cluster in $PG_DIR)"
