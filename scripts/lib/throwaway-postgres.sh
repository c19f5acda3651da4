# Shared by scripts/test.sh and scripts/bench.sh (sourced, not run): install PostgreSQL (and other Debian packages)
# when missing, and start a throwaway cluster on 127.0.0.1 (temporary folder, free port, trust auth) that is stopped
# and removed when the calling script exits, leaving any default cluster on 5432 alone.
# After `start_throwaway_postgres [postgres -c options...]`: $pg_port is its port.

script_name=${script_name:-$(basename "$0")}

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "$script_name: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

apt_install() {
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o Dpkg::Use-Pty=0)
    local out
    out=$(mktemp)
    # Package lists on a fresh machine may be missing or stale: refresh them only if the install fails.
    if ! as_root "${apt[@]}" install "$@" >"$out" 2>&1; then
        log "apt-get update"
        if ! { as_root "${apt[@]}" update && as_root "${apt[@]}" install "$@"; } >"$out" 2>&1; then
            cat "$out" >&2
            rm -f "$out"
            return 1
        fi
    fi
    rm -f "$out"
}

pg_bin_dir() {
    local initdb
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$initdb"
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "$script_name: no free port found" >&2
    return 1
}

ensure_postgresql() {
    if [ -z "$(pg_bin_dir)" ]; then
        log "installing postgresql"
        apt_install postgresql
    fi
}

stop_cluster() {
    local status=$?
    if [ -n "${pg_tmp:-}" ] && [ -f "$pg_tmp/data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" stop -D "$pg_tmp/data" -m fast -s >/dev/null 2>&1 || true
    fi
    [ -n "${pg_tmp:-}" ] && rm -rf "$pg_tmp"
    exit "$status"
}

# Extra arguments are postgres options, e.g. `-c fsync=off`.
start_throwaway_postgres() {
    pg_bin=$(pg_bin_dir)
    # initdb and pg_ctl refuse to run as root: as root, run them as the postgres user.
    pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/monitor-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$pg_tmp"
        as_pg() { runuser -u postgres -- "$@"; }
    else
        as_pg() { "$@"; }
    fi
    trap stop_cluster EXIT
    trap 'exit 130' INT TERM

    pg_port=$(free_port)
    log "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port in $pg_tmp"
    as_pg "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$pg_tmp/initdb.log" 2>&1 \
        || { cat "$pg_tmp/initdb.log" >&2; exit 1; }
    as_pg "$pg_bin/pg_ctl" start -D "$pg_tmp/data" -l "$pg_tmp/postgres.log" -w -t 60 -s \
        -o "-c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_tmp -p $pg_port -c max_connections=200 $*" \
        || { cat "$pg_tmp/postgres.log" >&2; exit 1; }
    local deadline=$((SECONDS + 60))
    until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            cat "$pg_tmp/postgres.log" >&2
            echo "$script_name: PostgreSQL did not become ready" >&2
            exit 1
        fi
        sleep 0.2
    done
}
