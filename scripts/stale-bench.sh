#!/usr/bin/env bash
# Stale-work benchmark: one node and N Java miners (--threads 1 each) for a fixed time, once with pushed tips
# (GET /events) and once polling every second; prints blocks forged, stale valid proofs (409) and the search time
# spent on blocks already forged. scripts/stale-bench.sh [MINERS] [SECONDS] [--help for the options]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
if [[ ! -f node/target/node.jar || ! -f client-miner/target/client-miner.jar ]]; then
  ./mvnw -B -ntp -q -DskipTests package -pl node,client-miner -am
fi
exec python3 scripts/stale-bench.py "$@"
