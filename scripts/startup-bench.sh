#!/usr/bin/env bash
# Start-up benchmark: the time from `java -jar node/target/node.jar` to its first GET /last_block answer, N runs,
# the median, with the machine and its load average. scripts/startup-bench.sh [N] [-- COMMAND...] (--help for more)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
[[ -f node/target/node.jar ]] || ./mvnw -B -ntp -q -DskipTests package -pl node -am
exec python3 scripts/startup-bench.py "$@"
