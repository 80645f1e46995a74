#!/usr/bin/env bash
# Builds everything and runs the whole test suite (unit, vector, concurrency, end-to-end, CPython interop).
# Needs only a JDK 25 somewhere under /usr/lib/jvm (or in JAVA_HOME); Maven comes with the wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
echo "Using JDK at $JAVA_HOME"
exec ./mvnw -B -ntp verify "$@"
