#!/usr/bin/env bash
# Builds, starts a node on port 5000 (PORT=... to change) and runs a client miner against it, mining real
# 6-zero blocks until Ctrl-C; then prints the miner's summary and stops the node.
# The miner's id comes from my_id.txt at the top of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
PORT="${PORT:-5000}"

echo "Building (tests skipped; scripts/test.sh runs them)..."
./mvnw -B -ntp -q -DskipTests package

mkdir -p target
echo "Starting the node on port $PORT (log: target/node.log)..."
"$JAVA_HOME/bin/java" -jar node/target/node.jar --server.port="$PORT" > target/node.log 2>&1 &
NODE_PID=$!
trap 'kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/last_block" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$NODE_PID" 2>/dev/null; then echo "The node did not start:" >&2; cat target/node.log >&2; exit 1; fi
  sleep 0.5
done
echo "Node is up: http://127.0.0.1:$PORT/last_block"

# the Vector API module for the SIMD engine (without it the miner would start itself again with it)
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar client-miner/target/client-miner.jar "http://127.0.0.1:$PORT" "$@"
