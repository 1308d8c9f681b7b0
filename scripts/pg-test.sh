#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the test suites: fsync off, trust auth, loopback only.
#
#   scripts/pg-test.sh start   initdb + start (installs postgresql-15 with apt-get if missing);
#                              prints the URL, alone, on stdout; everything else goes to stderr
#   scripts/pg-test.sh url     prints the URL of the running server
#   scripts/pg-test.sh stop    stops the server and deletes its data
#
#   export TEST_DATABASE_URL="$(scripts/pg-test.sh start)" && pnpm --filter @rectify/api test
#
# Environment: PG_TEST_DIR (state directory, default /tmp/rectify-pg-test;
# it must be reachable by the postgres user), PG_TEST_PORT
# (default: a free port), PG_BIN (default /usr/lib/postgresql/15/bin).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${PG_TEST_DIR:-/tmp/rectify-pg-test}"
DATA="$STATE/data"
SOCK="$STATE/socket"
LOG="$STATE/postgres.log"

log() { echo "pg-test: $*" >&2; }

# Runs a PostgreSQL binary as the owner of the cluster: `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url_of() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

running_port() {
  [ -f "$STATE/port" ] && [ -f "$DATA/postmaster.pid" ] || return 1
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
  cat "$STATE/port"
}

install_postgres() {
  [ -x "$PG_BIN/pg_ctl" ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "PostgreSQL 15 is not installed at $PG_BIN; install postgresql-15 or set PG_BIN"
    exit 1
  fi
  log "installing postgresql-15 with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql-15 >&2
}

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => {
    console.log(s.address().port); s.close() })'
}

start() {
  if port="$(running_port)"; then
    log "already running on port $port"
    url_of "$port"
    return 0
  fi
  install_postgres
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  # A stale directory from an earlier run (the machine rebooted, a job was killed) is discarded.
  rm -rf "$STATE"
  mkdir -p "$DATA" "$SOCK"
  chmod 700 "$DATA"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$STATE"; fi

  # UTF-8 whatever the machine's locale: the data is Chinese text.
  local locale_opt=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale_opt=(--locale=C.UTF-8); fi
  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-sync \
    "${locale_opt[@]}" >"$STATE/initdb.log" 2>&1 || {
    cat "$STATE/initdb.log" >&2
    exit 1
  }

  local port="${PG_TEST_PORT:-$(free_port)}"
  # Durability is worthless for a test database; these settings roughly halve the suite's time.
  # Each test file uses its own database and pool, hence the extra connections.
  if ! as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o "\
-c listen_addresses=127.0.0.1 -p $port -k $SOCK -c max_connections=300 \
-c fsync=off -c full_page_writes=off -c synchronous_commit=off" >&2; then
    log "PostgreSQL did not start; its log:"
    cat "$LOG" >&2 || true
    exit 1
  fi
  echo "$port" >"$STATE/port"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$STATE/port"; fi

  for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      log "PostgreSQL ready on 127.0.0.1:$port (data in $DATA)"
      url_of "$port"
      return 0
    fi
    sleep 0.5
  done
  log "PostgreSQL did not become ready"
  exit 1
}

stop() {
  if [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >&2 ||
      as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >&2 || true
  fi
  rm -rf "$STATE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url)
    port="$(running_port)" || {
      log "not running"
      exit 1
    }
    url_of "$port"
    ;;
  *)
    echo "usage: $0 start|url|stop" >&2
    exit 2
    ;;
esac
