#!/usr/bin/env bash
# PostgreSQL 15 for the tests of @ofsc/mirror, used by .ci/run and by developers alike:
#   tooling/scripts/postgres-for-tests.sh
# Installs PostgreSQL 15 (Debian's `postgresql`) when its cluster is missing, starts the cluster
# when it is down, and makes (idempotently) the role `ofsc` (password `ofsc`, LOGIN, CREATEDB) and
# its database `ofsc_mirror_test`, then checks a password login over TCP to 127.0.0.1. Each test
# file then creates and drops its own database (packages/mirror/test/support/postgres.ts).
# Prints the URL for OFSC_TEST_PG_URL on stdout, its progress on stderr; exits non-zero on failure.
# Needs root (or sudo) for apt-get and to act as the `postgres` user.
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=main
ROLE=ofsc
PASSWORD=ofsc
DATABASE=ofsc_mirror_test

log() { echo "postgres-for-tests: $*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "needs root (or sudo) to run: $*"
  fi
}
# psql as the cluster's superuser, over the local socket (peer authentication), from a directory
# the postgres user can read
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  elif [ "$(id -un)" = postgres ]; then
    (cd / && "$@")
  elif command -v sudo >/dev/null; then
    (cd / && sudo -u postgres -- "$@")
  else
    fail "needs root, sudo or the postgres user to run: $*"
  fi
}

cluster_line() { pg_lsclusters --no-header "$PG_VERSION" "$PG_CLUSTER" 2>/dev/null || true; }

# 1. installed, with its cluster
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(cluster_line)" ]; then
  log "installing PostgreSQL (apt-get install postgresql)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || fail "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
    fail "apt-get install -y postgresql"
  if [ -z "$(cluster_line)" ] && [ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
    as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >&2 ||
      fail "pg_createcluster $PG_VERSION $PG_CLUSTER"
  fi
  [ -n "$(cluster_line)" ] ||
    fail "no PostgreSQL $PG_VERSION cluster '$PG_CLUSTER' after installing (pg_lsclusters: $(pg_lsclusters 2>&1))"
fi

# 2. running (pg_lsclusters: Ver Cluster Port Status Owner Data-directory Log-file)
read -r _ _ port state _ <<<"$(cluster_line)"
if [ "$state" != online ]; then
  log "starting the cluster (pg_ctlcluster $PG_VERSION $PG_CLUSTER start)"
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2 || {
    log "log of the cluster:"
    as_root tail -n 30 "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" >&2 || true
    fail "pg_ctlcluster $PG_VERSION $PG_CLUSTER start"
  }
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" >&2 || fail "PostgreSQL is not accepting connections on 127.0.0.1:$port"

# 3. the role and its database (ALTER ROLE every time: the password and rights are always these)
as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >&2 <<SQL ||
SELECT 'CREATE ROLE $ROLE' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD';
SELECT 'CREATE DATABASE $DATABASE OWNER $ROLE'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DATABASE') \gexec
ALTER DATABASE $DATABASE OWNER TO $ROLE;
SQL
  fail "creating the role '$ROLE' and the database '$DATABASE'"

# 4. a password login over TCP (pg_hba.conf must allow md5/scram-sha-256 from 127.0.0.1; Debian's does)
url="postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
psql -X -q -v ON_ERROR_STOP=1 "$url" -c "SELECT 1" >/dev/null ||
  fail "cannot log in as '$ROLE' over TCP at $url: pg_hba.conf ($(as_postgres psql -X -tAq -p "$port" -d postgres -c 'SHOW hba_file' 2>/dev/null || echo '?')) must allow scram-sha-256 or md5 for host 127.0.0.1/32"

log "ready: $url"
echo "$url"
