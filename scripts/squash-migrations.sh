#!/usr/bin/env bash
# Squashes each provider's EF migrations into one initial migration (issue 18 item 8), without interactive steps:
#   scripts/squash-migrations.sh [released-postgres-id] [released-sqlite-id]
# The ids are the last migrations of the last release (every running instance is migrated to them); the defaults are
# the release before the squash. Run it on the merged pre-squash chain, from a clean work tree. It writes:
#   Monitor.Tests/Data/Fixtures/released-schema-<provider>.sql  the released schema (migrations 0 → released), for the tests
#   Monitor.Core/Data/Baseline/<provider>-from-<released>.sql    the SQL from released to the chain's head (empty when none)
#   Monitor.Core/Data/Migrations/<Provider>/*_Initial*.cs         the squashed migration, calling InitialSchemaSql
# then builds, so the lead can run the tests (scripts/test.sh or dotnet test --filter) and commit the result.
set -euo pipefail

released_postgres="${1:-20261206212322_HistoryReadIndexes}"
released_sqlite="${2:-20261206212342_HistoryReadIndexes}"
name="${SQUASH_NAME:-Initial}"

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
core=Monitor.Core
fixtures=Monitor.Tests/Data/Fixtures
baseline="$core/Data/Baseline"

ef() { dotnet ef "$@" --project "$core" --no-build; }

for provider in Postgres Sqlite; do
  released_var="released_${provider,,}"
  if [[ ! -f "$core/Data/Migrations/$provider/${!released_var}.cs" ]]; then
    echo "squash: $core/Data/Migrations/$provider/${!released_var}.cs not found: give the released migration ids, or the chain is already squashed" >&2
    exit 1
  fi
done

dotnet tool restore >/dev/null
echo "squash: building the pre-squash chain"
dotnet build "$core" -c Debug -v q -nologo >/dev/null

mkdir -p "$fixtures" "$baseline"
for provider in Postgres Sqlite; do
  lower="${provider,,}"
  context="${provider}MonitorDbContext"
  released_var="released_$lower"
  released="${!released_var}"
  head="$(basename "$(ls "$core/Data/Migrations/$provider"/2*_*.cs | grep -v '\.Designer\.cs$' | sort | tail -n 1)" .cs)"
  echo "squash: $provider released $released, head $head"

  ef migrations script 0 "$released" --context "$context" --output "$fixtures/released-schema-$lower.sql"
  rm -f "$baseline/$lower"-from-*.sql
  delta="$baseline/$lower-from-$released.sql"
  if [[ "$head" == "$released" ]]; then
    : > "$delta"
  else
    ef migrations script "$released" "$head" --context "$context" --output "$delta.tmp"
    # SquashBaseline runs the delta inside its own transaction, and replaces the history rows itself.
    python3 scripts/lib/squash_strip_delta.py "$delta.tmp" "$delta"
    rm "$delta.tmp"
  fi
done

echo "squash: deleting the old migrations"
rm -f "$core"/Data/Migrations/Postgres/*.cs "$core"/Data/Migrations/Sqlite/*.cs
dotnet build "$core" -c Debug -v q -nologo >/dev/null

for provider in Postgres Sqlite; do
  dotnet ef migrations add "$name" --project "$core" --no-build --context "${provider}MonitorDbContext" --output-dir "Data/Migrations/$provider"
  migration="$(ls "$core/Data/Migrations/$provider"/2*_"$name".cs)"
  python3 scripts/lib/squash_patch_initial.py "$migration" "$provider"
done

python3 scripts/lib/squash_gitattributes.py .gitattributes
echo "squash: building the squashed chain"
dotnet build Monitor.sln -c Debug -v q -nologo
echo "squash: done. Check: dotnet test Monitor.Tests -c Debug --no-build --filter 'FullyQualifiedName~Monitor.Tests.Data|FullyQualifiedName~Monitor.Tests.Backups'"
