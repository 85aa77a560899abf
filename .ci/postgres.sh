#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: sourced by .ci/run, usable on its own by developers.
#   source .ci/postgres.sh && postgres_start   # installs Debian's postgresql when missing, starts a cluster
#   ...                                        # MEMBERSHIPSTATES_TEST_POSTGRES names it
#   postgres_stop                              # stops it and removes its directory
# The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port, and trusts local connections.

postgres_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a server program as the postgres user when root (initdb refuses root), as oneself otherwise.
postgres_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_install() {
    [ -n "$(postgres_bin)" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "PostgreSQL is not installed: apt-get install postgresql (as root), or run this script as root." >&2
        return 1
    fi
    # Install the server without starting Debian's default cluster: only the throwaway one below runs.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    local status=0
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || status=$?
    rm -f /usr/sbin/policy-rc.d
    return $status
}

postgres_start() {
    postgres_install || return 1
    local bin
    bin="$(postgres_bin)"
    POSTGRES_DIR="$(mktemp -d)"
    [ "$(id -u)" = 0 ] && chown postgres "$POSTGRES_DIR"
    local port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres >"$POSTGRES_DIR/initdb.log" 2>&1 \
        || { cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
    # Enough connections for every test class's pool at once.
    postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
        -o "-p $port -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null \
        || { cat "$POSTGRES_DIR/server.log" >&2; return 1; }
    export MEMBERSHIPSTATES_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

postgres_stop() {
    [ -n "${POSTGRES_DIR:-}" ] || return 0
    postgres_as_owner "$(postgres_bin)/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$POSTGRES_DIR"
    unset POSTGRES_DIR MEMBERSHIPSTATES_TEST_POSTGRES
}
