#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for tests, CI, load and fault runs.
#
#   scripts/postgres.sh start   # initdb in $NEWSDIFF_PG_DIR (default /tmp/newsdiff-pg), start it,
#                               # create the database, print its DATABASE_URL
#   scripts/postgres.sh stop    # stop it and delete the data directory
#   scripts/postgres.sh url     # print the DATABASE_URL
#
# Needs Debian's `postgresql` package (apt-get install postgresql); no systemd, no service.
# As root, the server runs as the `postgres` user the package creates. Trust authentication,
# but only on 127.0.0.1 and a socket in the data directory: never for a shared machine.
set -euo pipefail

PG_DIR=${NEWSDIFF_PG_DIR:-/tmp/newsdiff-pg}
PG_PORT=${NEWSDIFF_PG_PORT:-55432}
PG_DB=${NEWSDIFF_PG_DB:-newsdiff}
PG_USER=${NEWSDIFF_PG_USER:-postgres}

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    exit 1
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() {
  echo "postgres://${PG_USER}@127.0.0.1:${PG_PORT}/${PG_DB}"
}

start() {
  local bin
  bin=$(bindir)
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
    as_owner "$bin/initdb" -D "$PG_DIR/data" -U "$PG_USER" --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  fi
  if ! as_owner "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=${NEWSDIFF_PG_FSYNC:-on}" \
      >/dev/null
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" postgres | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  fi
  url
}

stop() {
  local bin
  bin=$(bindir)
  if [ -d "$PG_DIR/data" ]; then
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
