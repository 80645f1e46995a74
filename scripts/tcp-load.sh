#!/usr/bin/env bash
# Load test of the binary mining protocol: N simulated miners (default 5,000 connections) against a node; reports
# connections held, S validated per second and I broadcast latency (p50/p99).
#
#   scripts/tcp-load.sh                         # builds, starts its own node (TCP 5051, 22 zero bits), runs, stops it
#   scripts/tcp-load.sh 10.0.0.5:5001 -n 2000   # against a node that is already running
#   scripts/tcp-load.sh --help                  # the load tool's options (--connections, --flooders, --seconds, ...)
#
# Its own node runs with node.tcp.zero-bits=22 (ZERO_BITS=...; node.difficulty follows, ZERO_BITS/4 hex zeros, since a
# fixed binary target may not ask less work than the HTTP rule): the broadcast rounds find a nonce in about a second
# and random S frames rarely win; the target changes neither the cost of checking an S nor of broadcasting an I.
# It lifts the per-connection S budget and the penalty for bad nonces: its flooders send random nonces on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
# each connection is a file descriptor on both ends
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "Building (tests skipped)..."
  ./mvnw -B -ntp -q -DskipTests package
fi

NODE=""
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  NODE="$1"
  shift
fi

if [ -z "$NODE" ]; then
  HTTP_PORT="${HTTP_PORT:-5055}"
  TCP_PORT="${TCP_PORT:-5051}"
  mkdir -p target
  echo "Starting a node: HTTP $HTTP_PORT, TCP $TCP_PORT, ${ZERO_BITS:-22} zero bits (log: target/tcp-load-node.log)..."
  # shellcheck disable=SC2086 # NODE_JAVA_OPTS holds several options
  "$JAVA_HOME/bin/java" ${NODE_JAVA_OPTS:-} -jar node/target/node.jar --server.port="$HTTP_PORT" --node.tcp.port="$TCP_PORT" \
      --node.tcp.zero-bits="${ZERO_BITS:-22}" --node.difficulty="$(( ${ZERO_BITS:-22} / 4 > 0 ? ${ZERO_BITS:-22} / 4 : 1 ))" \
      --node.tcp.idle-timeout=10m \
      --node.tcp.solutions.per-second=0 --node.tcp.solutions.penalty-after=0 \
      --node.tcp.max-connections=100000 --node.tcp.max-connections-per-address=100000 > target/tcp-load-node.log 2>&1 &
  NODE_PID=$!
  trap 'kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if grep -q "Binary mining protocol on TCP port" target/tcp-load-node.log; then break; fi
    if ! kill -0 "$NODE_PID" 2>/dev/null; then echo "The node did not start:" >&2; cat target/tcp-load-node.log >&2; exit 1; fi
    sleep 0.5
  done
  NODE="127.0.0.1:$TCP_PORT"
fi

echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp loadtest/target/loadtest.jar dev.blockmine.loadtest.tcp.TcpLoad "$NODE" "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
