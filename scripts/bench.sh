#!/usr/bin/env bash
# The issue-12 benchmark table, from a fresh Debian 12 machine:
#   1. installs PostgreSQL from Debian if it is missing (root, or sudo);
#   2. starts a throwaway PostgreSQL cluster with STOCK settings (fsync on; the fsync=off row is switched by the
#      benchmark itself) on 127.0.0.1 (temporary folder, free port, trust auth), leaving any default cluster alone;
#   3. runs Monitor.Benchmarks (Release) against it and a SQLite file in a temporary folder (Chromium is installed
#      if missing: the profile-page rows open the dashboard in it);
#   4. stops the cluster and removes its folder, whatever happened.
# Extra arguments go to the benchmark, e.g. `bash scripts/bench.sh --smoke` or `--rounds 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Build nodes and the compiler server would outlive this script (and hold CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

# shellcheck source=scripts/lib/throwaway-postgres.sh
source scripts/lib/throwaway-postgres.sh

ensure_postgresql
# The profile-page rows open the dashboard in headless Chromium.
if [ ! -x /usr/bin/chromium ]; then
    log "installing chromium"
    apt_install chromium
fi
start_throwaway_postgres
server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

log "dotnet build Monitor.Benchmarks -c Release"
dotnet build Monitor.Benchmarks/Monitor.Benchmarks.csproj -c Release -v quiet -nologo >/dev/null
log "dotnet Monitor.Benchmarks $*"
dotnet Monitor.Benchmarks/bin/Release/net10.0/Monitor.Benchmarks.dll --postgres "$server" "$@"
