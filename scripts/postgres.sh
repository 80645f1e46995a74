#!/usr/bin/env bash
# A private PostgreSQL server for node.store=postgres: the tests, scripts/cluster.sh and local runs.
#
#   scripts/postgres.sh start DIR [PORT]   # makes DIR (initdb, once) and starts the server on 127.0.0.1:PORT
#                                          # (its last port, or a free one, when PORT is missing or 0);
#                                          # prints the JDBC URL last (also when it was running already)
#       --throwaway                        # (after start) a server for tests, never kept across an OS crash: it
#                                          # runs without fsync, synchronous commit or full page writes, and a new
#                                          # DIR is a copy of a data folder made once beside it (template-VERSION)
#   scripts/postgres.sh stop DIR           # stops it (fast shutdown: every committed transaction is kept)
#   scripts/postgres.sh install            # installs Debian's postgresql package when no server is found
#
# The database is `blockmine`, user `blockmine`, no password (trust on 127.0.0.1 only: a local server).
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (made by the Debian
# package; `nobody` otherwise), and DIR is handed to that user. PG_BIN=/path/to/bin picks the binaries.
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)"
  [ -n "$newest" ] && [ -x "$newest/initdb" ] && echo "$newest"
}

install_server() {
  [ -n "$(pg_bin)" ] && return 0
  command -v apt-get > /dev/null || { echo "no PostgreSQL server found and no apt-get to install one" >&2; return 1; }
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "Installing Debian's postgresql package..." >&2
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q postgresql; } >&2
  [ -n "$(pg_bin)" ] || { echo "postgresql installed, but no server binaries under /usr/lib/postgresql" >&2; return 1; }
}

server_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un
  elif id postgres > /dev/null 2>&1; then echo postgres
  else echo nobody; fi
}

as_server_user() { # runs a command as the server's user (ourselves unless we are root)
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$(server_user)" -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The throwaway servers' data folder with its blockmine database, made once per PostgreSQL version in PARENT and
# copied by each of them (a copy takes a tenth of initdb's time). Made under a temporary name and renamed, so a
# server started meanwhile by another test run never copies half of it. Prints the folder.
template_data() {
  local parent="$1" bin="$2" template work port
  template="$parent/template-$("$bin/pg_ctl" --version | awk '{print $3}')"
  if [ ! -f "$template/data/PG_VERSION" ]; then
    work="$(mktemp -d "$parent/template-making.XXXXXX")"
    chmod 755 "$work"
    [ "$(id -u)" -ne 0 ] || chown "$(server_user)" "$work"
    port="$(free_port)"
    { as_server_user "$bin/initdb" -N -D "$work/data" -U blockmine -A trust -E UTF8 --locale=C.UTF-8 \
        && as_server_user "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
             -o "-p $port -k $work -c listen_addresses=127.0.0.1 $THROWAWAY_OPTIONS" start \
        && as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U blockmine blockmine \
        && as_server_user "$bin/pg_ctl" -D "$work/data" -m fast -w stop; } > "$work/make.log" 2>&1 \
      || { cat "$work/make.log" >&2; as_server_user "$bin/pg_ctl" -D "$work/data" -m immediate stop > /dev/null 2>&1 || true
           rm -rf "$work"; return 1; }
    mv -T "$work" "$template" 2> /dev/null || rm -rf "$work" # another run made it first: theirs is as good
  fi
  echo "$template/data"
}

# What makes a test's server fast: nothing is flushed to disk (the tests never need their data after an OS crash).
THROWAWAY_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"

start() {
  local dir="$1" port="${2:-0}" throwaway="$3" bin options template
  install_server
  bin="$(pg_bin)"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/data/postmaster.pid" ] && as_server_user "$bin/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
    echo "jdbc:postgresql://127.0.0.1:$(cat "$dir/port")/blockmine" # already running
    return 0
  fi
  [ "$port" = 0 ] && [ -f "$dir/port" ] && port="$(cat "$dir/port")" # a restart keeps its port
  [ "$port" = 0 ] && port="$(free_port)"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$(server_user)" "$dir"
    # the server's user must be able to reach DIR: every folder above it must be searchable by others
    as_server_user test -w "$dir" || { echo "user $(server_user) cannot write to $dir (a folder above it is private)" >&2; return 1; }
  fi
  options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    if $throwaway; then
      template="$(template_data "$(dirname "$dir")" "$bin")"
      as_server_user cp -a "$template" "$dir/data"
    else
      as_server_user "$bin/initdb" -D "$dir/data" -U blockmine -A trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    fi
  fi
  $throwaway && options="$options $THROWAWAY_OPTIONS"
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start > /dev/null \
    || { tail -20 "$dir/server.log" >&2; return 1; }
  echo "$port" > "$dir/port"
  if ! as_server_user "$bin/psql" -h 127.0.0.1 -p "$port" -U blockmine -d postgres -tAq \
      -c "select 1 from pg_database where datname = 'blockmine'" | grep -q 1; then
    as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U blockmine blockmine
  fi
  echo "jdbc:postgresql://127.0.0.1:$port/blockmine"
}

stop() {
  local dir="$1" bin
  bin="$(pg_bin)"
  [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] || return 0
  as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
}

case "${1:-}" in
  start)
    shift
    throwaway=false
    args=()
    for arg in "$@"; do
      if [ "$arg" = --throwaway ]; then throwaway=true; else args+=("$arg"); fi
    done
    [ ${#args[@]} -ge 1 ] && [ ${#args[@]} -le 2 ] || usage
    start "${args[0]}" "${args[1]:-0}" "$throwaway" ;;
  stop) [ $# -ge 2 ] || usage; stop "$2" ;;
  install) install_server ;;
  *) usage ;;
esac
