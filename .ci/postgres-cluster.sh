#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1, with no password (trust) and no
# fsync: fast, and for tests only.
#   .ci/postgres-cluster.sh start <dir> [port]   starts it and prints its URL (for TEST_DATABASE_URL);
#                                                without a port, the first free one from 54329
#   .ci/postgres-cluster.sh stop <dir>           stops it (the folder can then be deleted)
# Needs Debian's postgresql package. As root it runs the server as the postgres user.
# PG_DURABLE=1 keeps PostgreSQL's own durability settings (fsync, synchronous commit), for
# benchmarks that should see what a production server pays for each commit.
set -euo pipefail
command="${1:?start or stop}"
dir="${2:?a folder for the cluster}"
port="${3:-}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$command" in
  start)
    if [ -z "$port" ]; then
      port=54329
      # Something answering on the port (another cluster, a developer's server): try the next.
      while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    fi
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-}" != "1" ] || fast=""
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $fast -c max_connections=300" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2
    exit 2
    ;;
esac
