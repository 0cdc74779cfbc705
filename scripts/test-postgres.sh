#!/usr/bin/env bash
# The server tests again, on PostgreSQL: a throwaway cluster in a temporary directory, run by
# an unprivileged user (initdb refuses root), listening on 127.0.0.1 only, on a free port;
# stopped and removed at the end whatever happens. Debian's postgresql is installed when
# initdb is missing and this runs as root (CI). Elsewhere, without PostgreSQL, the run is
# skipped with a message, or fails when REQUIRE_POSTGRES=1 (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

skip() {
  if [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "PostgreSQL: $1; REQUIRE_POSTGRES=1, so this is a failure." >&2
    exit 1
  fi
  echo "PostgreSQL: $1; the server tests on PostgreSQL are SKIPPED." >&2
  exit 0
}

PG_BIN=${PG_BIN:-$(find_bin)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN=$(find_bin)
  fi
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || skip "initdb not found (apt-get install postgresql)"
fi

# The restart test starts a cluster of its own (it stops it), from the same binaries.
export PG_BIN
as_owner=()
if [ "$(id -u)" = 0 ]; then
  id pgtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pgtest
  as_owner=(runuser -u pgtest --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/pst-postgres.XXXXXX")
[ ${#as_owner[@]} -eq 0 ] || chown pgtest "$dir"
cleanup() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Durability is not under test here (the data is thrown away): no fsync, for speed.
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s start -o \
  "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

started=$(date +%s)
# The 1,000-answer site build touches no database: it runs once, in the SQLite run.
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" npx vitest run tests/server \
  --exclude tests/server/many-faqs.test.ts
echo "PostgreSQL: the server tests took $(($(date +%s) - started)) s."
