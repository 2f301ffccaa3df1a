#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the tests: installs Debian's `postgresql` when missing, initialises a cluster
# in a temporary folder owned by an unprivileged user (postgres refuses to run as root), and serves it on a local
# port only. Prints the Npgsql connection string (the admin database) on stdout; `postgres.sh stop DIR` stops it.
# Usage: eval "$(.ci/postgres.sh start)"  → sets LHLBOT_PG_DIR and LHLBOT_TEST_POSTGRES.
set -euo pipefail
command=${1:-start}
port=${LHLBOT_PG_PORT:-55432}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

owner=$( [ "$(id -u)" -eq 0 ] && echo postgres || id -un )

if [ "$command" = stop ]; then
  dir=${2:?folder}
  bin=$(pg_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$(pg_bin)" ]; then
  echo "Installing PostgreSQL (Debian package postgresql)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi
bin=$(pg_bin)
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

dir=$(mktemp -d /tmp/lhlbot-pg.XXXXXX)
chown "$owner" "$dir"
chmod 700 "$dir"
# C collation and UTF-8: strings sort by code point, as in SQLite, so both stores order names alike.
as_owner "$bin/initdb" -D "$dir/data" -U lhlbot --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1
# Durability off: a test cluster that is thrown away after the run (fsync costs seconds per test host on this disk).
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2
echo "export LHLBOT_PG_DIR='$dir'"
echo "export LHLBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=lhlbot;Database=postgres'"
