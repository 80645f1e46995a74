#!/usr/bin/env bash
# How the node's costs grow with its chain (README, "Chain growth"): builds, then for chains of 1k, 10k, 100k and 1M
# blocks (difficulty 1, made once and kept in target/growth) measures restart, heap per block, POST /mine and
# GET /balance latency, a fresh peer's sync, one block of catch-up, and 50 parallel GET /chain with a bystander.
# Options go to the tool: scripts/growth-bench.sh --help   (e.g. --sizes 1000,200000 --heap 1g)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
./mvnw -B -ntp -q -DskipTests package
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp loadtest/target/loadtest.jar dev.blockmine.loadtest.growth.GrowthBench "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
