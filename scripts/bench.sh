#!/usr/bin/env bash
# The issue-12 benchmark table, from a fresh Debian 12 machine:
#   1. installs PostgreSQL from Debian if it is missing (root, or sudo);
#   2. starts a throwaway PostgreSQL cluster with STOCK settings (fsync on; the fsync=off row is switched by the
#      benchmark itself) on 127.0.0.1 (temporary folder, free port, trust auth), leaving any default cluster alone;
#   3. runs Monitor.Benchmarks (Release) against it and a SQLite file in a temporary folder;
#   4. stops the cluster and removes its folder, whatever happened.
# Extra arguments go to the benchmark, e.g. `bash scripts/bench.sh --smoke` or `--rounds 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Build nodes and the compiler server would outlive this script (and hold CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "scripts/bench.sh: need root (or sudo) to run: $*" >&2
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

if [ -z "$(pg_bin_dir)" ]; then
    log "installing postgresql"
    apt_install postgresql
fi

pg_bin=$(pg_bin_dir)
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
    echo "scripts/bench.sh: no free port found" >&2
    return 1
}

# initdb and pg_ctl refuse to run as root: as root, run them as the postgres user.
pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/monitor-pg.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_tmp"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

stop_cluster() {
    local status=$?
    if [ -f "$pg_tmp/data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" stop -D "$pg_tmp/data" -m fast -s >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_tmp"
    exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

pg_port=$(free_port)
log "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port in $pg_tmp"
as_pg "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$pg_tmp/initdb.log" 2>&1 \
    || { cat "$pg_tmp/initdb.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" start -D "$pg_tmp/data" -l "$pg_tmp/postgres.log" -w -t 60 -s \
    -o "-c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_tmp -p $pg_port -c max_connections=200" \
    || { cat "$pg_tmp/postgres.log" >&2; exit 1; }
deadline=$((SECONDS + 60))
until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres; do
    if [ "$SECONDS" -ge "$deadline" ]; then
        cat "$pg_tmp/postgres.log" >&2
        echo "scripts/bench.sh: PostgreSQL did not become ready" >&2
        exit 1
    fi
    sleep 0.2
done
server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

log "dotnet build Monitor.Benchmarks -c Release"
dotnet build Monitor.Benchmarks/Monitor.Benchmarks.csproj -c Release -v quiet -nologo >/dev/null
log "dotnet Monitor.Benchmarks $*"
dotnet Monitor.Benchmarks/bin/Release/net10.0/Monitor.Benchmarks.dll --postgres "$server" "$@"
