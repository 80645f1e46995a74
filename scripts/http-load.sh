#!/usr/bin/env bash
# HTTP load benchmark: builds, then runs the same simulated-miner load against our node and the course's Flask
# server (interop/course_node.py, run by the project's venv: scripts/python-env.sh) and prints a table with the ratio.
# Options go to the load tool: scripts/http-load.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
source scripts/python-env.sh  # exports BLOCKMINE_PYTHON, the load tool's default --python
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # a socket per simulated miner, on both sides
./mvnw -B -ntp -q -DskipTests package
exec "$JAVA_HOME/bin/java" -jar loadtest/target/loadtest.jar "$@"
