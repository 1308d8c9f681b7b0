#!/usr/bin/env bash
# Redmine 5 as the same-run baseline of `pnpm bench` (issue 15 states its list, detail and search
# goals as ratios to Redmine's req/s). Not run by CI; needs root (apt) the first time.
#
#   REDMINE_DATABASE_URL=postgres://postgres@127.0.0.1:5499/redmine_bench \
#     bash scripts/redmine-baseline.sh [start|stop]
#
# start (the default): installs Debian 12's redmine, redmine-pgsql and puma if missing (dbconfig
# told not to configure a database), writes /etc/redmine/default/database.yml for the URL's
# database (created if missing; it must be Redmine's own, never a bench template), migrates it,
# loads the default data (zh), seeds a province-sized tracker by set-based SQL
# (apps/api/bench/redmine-seed.ts: REDMINE_ISSUES issues, default 50,000) with the REST API on
# and an API key for the admin, then starts Redmine in production mode as one Puma process on
# 127.0.0.1:REDMINE_PORT (default 3100) with Puma's default thread pool (0–5 threads, no
# workers: what `puma` runs without a config file, as a default install would), and prints the
# two variables the bench reads. A database already seeded is kept (its key reused): drop it to
# reseed. stop: stops that Puma.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ACTION=${1:-start}
PORT=${REDMINE_PORT:-3100}
RUN_DIR=${REDMINE_RUN_DIR:-/tmp/redmine-baseline}
REDMINE_HOME=/usr/share/redmine
CONFIG=/etc/redmine/default
PID_FILE=$RUN_DIR/puma.pid

stop() {
  if [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    echo "redmine-baseline: stopped Puma $(cat "$PID_FILE")"
  fi
  rm -f "$PID_FILE"
}

if [[ $ACTION == stop ]]; then
  stop
  exit 0
elif [[ $ACTION != start ]]; then
  echo "usage: REDMINE_DATABASE_URL=postgres://… $0 [start|stop]" >&2
  exit 2
fi

URL=${REDMINE_DATABASE_URL:?REDMINE_DATABASE_URL=postgres://user@host:port/redmine_db is required}
DB=${URL##*/}
DB=${DB%%\?*}
if [[ -z $DB || $DB == postgres* || $DB == template* ]]; then
  echo "redmine-baseline: give Redmine a database of its own, not '$DB'" >&2
  exit 2
fi
ADMIN_URL=${URL%/*}/postgres
mkdir -p "$RUN_DIR"
chown www-data "$RUN_DIR"

if [[ ! -d $REDMINE_HOME ]] || ! command -v puma >/dev/null; then
  echo "redmine-baseline: installing redmine, redmine-pgsql and puma from Debian"
  # dbconfig-common asks per instance; told no, it leaves the database to this script.
  for q in redmine/dbconfig-install redmine/instances/default/dbconfig-install; do
    echo "redmine $q boolean false" | debconf-set-selections
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    redmine redmine-pgsql puma >"$RUN_DIR/apt.log" 2>&1 || true
  # Should dbconfig still have tried (and failed: no local server), finish without it.
  if ! dpkg-query -W -f '${Status}' redmine 2>/dev/null | grep -q 'ok installed'; then
    sed -i "s/^dbc_install=.*/dbc_install='false'/; s/^dbc_upgrade=.*/dbc_upgrade='false'/" \
      /etc/dbconfig-common/redmine/instances/default.conf
    DEBIAN_FRONTEND=noninteractive dpkg --configure -a >>"$RUN_DIR/apt.log" 2>&1
  fi
fi

# Rails reads the URL itself; Redmine's Gemfile picks its driver gem by the adapter key.
printf 'production:\n  adapter: postgresql\n  url: %s\n  encoding: utf8\n' "$URL" >"$CONFIG/database.yml"
chown root:www-data "$CONFIG/database.yml"
chmod 640 "$CONFIG/database.yml"

if [[ -z $(psql "$ADMIN_URL" -Atc "select 1 from pg_database where datname = '$DB'") ]]; then
  psql "$ADMIN_URL" -qc "create database \"$DB\" encoding 'UTF8' template template0"
fi

cd "$REDMINE_HOME"
# Debian's bundle has no web server (its Gemfile takes thin if installed): Puma joins it the way
# Redmine documents for local gems, through Gemfile.local.
if ! grep -qs "^gem 'puma'" Gemfile.local; then
  echo "gem 'puma'" >>Gemfile.local
fi
# As Debian's postinst runs it: as www-data, the instance named.
rails() {
  su www-data -s /bin/sh -c "REDMINE_INSTANCE=default RAILS_ENV=production $*"
}
echo "redmine-baseline: migrating $DB"
rails SCHEMA=/dev/null bundle exec rake db:migrate >"$RUN_DIR/migrate.log" 2>&1

if [[ $(psql "$URL" -Atc 'select count(*) from trackers') == 0 ]]; then
  rails REDMINE_LANG=zh bundle exec rake redmine:load_default_data >"$RUN_DIR/default-data.log" 2>&1
fi

if [[ $(psql "$URL" -Atc 'select count(*) from projects') == 0 ]]; then
  KEY=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')
  echo "redmine-baseline: seeding ${REDMINE_ISSUES:-50000} issues"
  (cd "$ROOT/apps/api" && REDMINE_KEY=$KEY pnpm exec tsx bench/redmine-seed.ts) |
    psql "$URL" -q >/dev/null
fi
KEY=$(psql "$URL" -Atc "select value from tokens where user_id = 1 and action = 'api' limit 1")

stop
echo "redmine-baseline: starting Puma on 127.0.0.1:$PORT (log $RUN_DIR/puma.log)"
rails nohup bundle exec puma -e production -b tcp://127.0.0.1:$PORT --pidfile $PID_FILE \
  config.ru >"$RUN_DIR/puma.log" 2>&1 &
for _ in $(seq 1 120); do
  if curl -fs -o /dev/null -H "X-Redmine-API-Key: $KEY" "http://127.0.0.1:$PORT/issues.json?limit=1"; then
    echo "export BENCH_REDMINE_URL=http://127.0.0.1:$PORT BENCH_REDMINE_KEY=$KEY"
    exit 0
  fi
  sleep 2
done
echo "redmine-baseline: Redmine did not answer within 240 s; see $RUN_DIR/puma.log" >&2
exit 1
