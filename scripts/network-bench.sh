#!/usr/bin/env bash
# Block propagation benchmark: N nodes (separate JVMs, small heaps) in a line and in a random graph of degree 3,
# blocks mined on the first, arrival times at every node. scripts/network-bench.sh [N] [--help for the options]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
[[ -f node/target/node.jar ]] || ./mvnw -B -ntp -q -DskipTests package -pl node -am
exec python3 scripts/network-bench.py "$@"
