#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for running the test suite on PostgreSQL.
#
#   scripts/pg-test-cluster.sh start    # initdb, start on 127.0.0.1, create role + database
#   DATABASE_URL="$(scripts/pg-test-cluster.sh url)" make test
#   scripts/pg-test-cluster.sh stop     # stop it and delete its directory
#   scripts/pg-test-cluster.sh status
#   scripts/pg-test-cluster.sh run CMD...   CMD with DATABASE_URL set: the one in the
#                                           environment if it names PostgreSQL, else a
#                                           throwaway cluster on a free port, removed after
#
# The cluster lives in PG_TEST_DIR (default: $TMPDIR/pg-test-cluster-$PG_TEST_PORT),
# listens only on 127.0.0.1:PG_TEST_PORT (default 55432) and on a Unix socket inside
# that directory, and trades durability for speed (fsync off). Run as root, the
# PostgreSQL commands run as the "postgres" user, since initdb refuses to run as root.
#
# Settings (environment): PG_TEST_PORT, PG_TEST_DIR, PG_TEST_USER, PG_TEST_PASSWORD,
# PG_TEST_DB, PG_BIN (directory holding initdb and pg_ctl).
set -euo pipefail

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ "${1:-}" == "run" && -z "${PG_TEST_PORT:-}" ]]; then
    # 55432, or the next free port if a developer's cluster already has it.
    PG_TEST_PORT=55432
    while port_taken "$PG_TEST_PORT" && ((PG_TEST_PORT < 55500)); do
        PG_TEST_PORT=$((PG_TEST_PORT + 1))
    done
fi
PORT="${PG_TEST_PORT:-55432}"
DIR="${PG_TEST_DIR:-${TMPDIR:-/tmp}/pg-test-cluster-${PORT}}"
DB_USER="${PG_TEST_USER:-cms_test}"
DB_PASSWORD="${PG_TEST_PASSWORD:-cms_test_password}"
DB_NAME="${PG_TEST_DB:-cms_test}"
DATA="$DIR/data"
LOG="$DIR/postgres.log"
MARKER="$DIR/.pg-test-cluster"

say() { echo "pg-test-cluster: $*" >&2; }
die() { say "error: $*"; exit 1; }

find_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
        return
    fi
    # Debian keeps the server programs out of PATH, one directory per major version.
    local newest
    newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$newest" && -x "$newest/initdb" ]]; then
        echo "$newest"
    elif command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(command -v pg_ctl)"
    else
        die "PostgreSQL server programs (initdb, pg_ctl) not found; on Debian: apt-get install postgresql (or set PG_BIN)"
    fi
}

# Run a PostgreSQL program as the cluster's owner, from a directory it can read.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        (cd "$DIR" && runuser -u postgres -- "$@")
    else
        (cd "$DIR" && "$@")
    fi
}

url() {
    echo "postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${PORT}/${DB_NAME}"
}

is_running() {
    [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

psql_admin() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres "$@"
}

start() {
    if is_running; then
        say "already running in $DIR"
        url
        return
    fi
    if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
        die "running as root needs a 'postgres' user to own the cluster (installed with Debian's postgresql)"
    fi
    mkdir -p "$DIR"
    touch "$MARKER"
    chmod 700 "$DIR"
    if [[ "$(id -u)" == 0 ]]; then
        chown -R postgres: "$DIR"
    fi

    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        local locale=C
        if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
            locale=C.UTF-8
        fi
        say "initdb in $DATA ($("$BIN/postgres" --version))"
        # Local (socket) connections are trusted: the socket sits in a directory only
        # the owner can enter. TCP connections need the password.
        if ! as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale="$locale" \
            --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$DIR/initdb.log" 2>&1; then
            cat "$DIR/initdb.log" >&2
            die "initdb failed"
        fi
    fi

    say "starting on 127.0.0.1:$PORT"
    if ! as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null; then
        tail -n 30 "$LOG" >&2 || true
        die "could not start PostgreSQL (is port $PORT taken? set PG_TEST_PORT)"
    fi

    # Django's test runner creates and drops test_<name>, so the role needs CREATEDB.
    psql_admin <<SQL
SELECT 'CREATE ROLE "${DB_USER}" LOGIN CREATEDB PASSWORD ''${DB_PASSWORD}'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}')\gexec
SELECT 'CREATE DATABASE "${DB_NAME}" OWNER "${DB_USER}"'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}')\gexec
SQL
    say "ready: DATABASE_URL=$(url)"
    url
}

stop() {
    if [[ ! -e "$DIR" ]]; then
        say "nothing to stop ($DIR does not exist)"
        return
    fi
    if [[ ! -f "$MARKER" ]]; then
        die "$DIR was not made by this script; not touching it"
    fi
    if is_running; then
        say "stopping"
        as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null
    fi
    rm -rf "$DIR"
    say "removed $DIR"
}

status() {
    if is_running; then
        say "running in $DIR"
        url
    else
        say "not running"
        return 3
    fi
}

run_with_database() {
    if [[ "${DATABASE_URL:-}" == postgres://* || "${DATABASE_URL:-}" == postgresql://* ]]; then
        "$@"
        return
    fi
    BIN="$(find_bin)"
    if is_running; then
        die "a cluster is already running in $DIR; stop it or set PG_TEST_PORT"
    fi
    trap stop EXIT
    start >/dev/null
    DATABASE_URL="$(url)" "$@"
}

case "${1:-}" in
run)
    shift
    (($#)) || die "run needs a command"
    run_with_database "$@"
    ;;
start) BIN="$(find_bin)" && start ;;
stop) BIN="$(find_bin)" && stop ;;
url) url ;;
status) BIN="$(find_bin)" && status ;;
*)
    echo "usage: $0 start|stop|url|status|run CMD..." >&2
    exit 2
    ;;
esac
