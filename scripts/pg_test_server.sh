#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite.
#
#   scripts/pg_test_server.sh start   -> prints "URL=postgresql://..." and "PGDATA=<dir>"; exit 0
#   scripts/pg_test_server.sh stop DIR
#
# Exit 3 (and "UNAVAILABLE: <why>" on stdout) only when PostgreSQL is not installed and cannot be
# installed (apt-get as root); the tests skip on exactly that. Any other failure exits 1, and the
# tests fail, because a server that is installed but will not start is a bug to see.
set -euo pipefail

find_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

install_pg() {
    if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
        return 1
    fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || return 1
}

# Run a command as the unprivileged user that owns the data directory (postgres refuses root).
as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin
    if ! bin=$(find_bin); then
        if ! install_pg || ! bin=$(find_bin); then
            echo "UNAVAILABLE: postgresql is not installed and could not be installed (apt-get as root)"
            exit 3
        fi
    fi
    local dir port
    dir=$(mktemp -d /tmp/pgtest.XXXXXX)
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
    fi
    chmod 700 "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "URL=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "PGDATA=$dir"
}

stop() {
    local dir=${1:?stop needs the directory printed by start}
    local bin
    bin=$(find_bin) || exit 1
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
