#!/usr/bin/env bash
# The whole test run, from a fresh Debian 12 machine to a verdict:
#   1. installs PostgreSQL, Chromium and poppler-utils (pdftoppm) from Debian if they are missing (root, or sudo);
#   2. starts a throwaway PostgreSQL cluster on 127.0.0.1 (temporary folder, free port, trust auth),
#      leaving any default cluster on 5432 alone;
#   3. checks formatting (style and analyzers fail the build), then runs `dotnet test Monitor.sln -c Release` with
#      MONITOR_TEST_POSTGRES set;
#   4. stops the cluster and removes its folder, whatever happened.
# Extra arguments go to `dotnet test`, e.g. `bash scripts/test.sh --filter FullyQualifiedName~Data`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Build nodes and the compiler server would outlive this script (and hold CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

# shellcheck source=scripts/lib/throwaway-postgres.sh
source scripts/lib/throwaway-postgres.sh

ensure_postgresql
if [ ! -x /usr/bin/chromium ]; then
    log "installing chromium"
    apt_install chromium
fi
# The report tests render each PDF to PNG with pdftoppm.
if ! command -v pdftoppm >/dev/null; then
    log "installing poppler-utils"
    apt_install poppler-utils
fi

start_throwaway_postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off
export MONITOR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

log "dotnet tool restore"
dotnet tool restore >/dev/null
# Whitespace and layout here (19 s); code style and analyzers are errors in the build itself (Directory.Build.props:
# EnforceCodeStyleInBuild, TreatWarningsAsErrors), which `dotnet format`'s full pass would check again in 2.5 min.
log "dotnet format whitespace --verify-no-changes"
dotnet format whitespace Monitor.sln --verify-no-changes

results="$repo_root/artifacts/test-results"
rm -rf "$results" "$repo_root/artifacts/screenshots"
log "dotnet test"
status=0
dotnet test Monitor.sln -c Release \
    --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line, summed over every test project's TRX file.
if compgen -G "$results/*.trx" >/dev/null; then
    sum() { grep -ho "<Counters [^>]*" "$results"/*.trx | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ n += $1 } END { print n + 0 }'; }
    passed=$(sum passed)
    failed=$(sum failed)
    total=$(sum total)
    executed=$(sum executed)
    if [ "$failed" -gt 0 ]; then
        # Repeated last, so the tail of a long log names what failed and why.
        echo "Failed tests:"
        for trx in "$results"/*.trx; do
            awk 'BEGIN { RS = "<UnitTestResult " }
                 # The attributes of this result only (the last record also holds the summary, outcome="Failed" too).
                 { split($0, tag, ">") }
                 tag[1] ~ /outcome="Failed"/ {
                     match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
                     message = ""
                     if (match($0, /<Message>[^<]*<\/Message>/)) message = substr($0, RSTART + 9, RLENGTH - 19)
                     gsub(/&#xD;|&#xA;/, " ", message); gsub(/&quot;/, "\"", message); gsub(/&lt;/, "<", message); gsub(/&gt;/, ">", message); gsub(/&amp;/, "\\&", message)
                     printf "  %s\n    %s\n", name, substr(message, 1, 600)
                 }' "$trx"
        done
    fi
    echo "Tests: $passed passed, $failed failed, $((total - executed)) skipped"
fi
exit "$status"
