#!/usr/bin/env bash
# Builds everything and runs the whole test suite (unit, vector, concurrency, end-to-end, CPython interop).
# Needs only a JDK 25 somewhere under /usr/lib/jvm (or in JAVA_HOME); Maven comes with the wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
echo "Using JDK at $JAVA_HOME"

# The dashboard test drives a real headless Chromium (Debian's chromium + chromium-driver); without them it is
# skipped, saying so. Installed here when missing and we may (root, or passwordless sudo).
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } && command -v apt-get > /dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "Installing chromium and chromium-driver for the dashboard test..."
  { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver; } > target-apt.log 2>&1 \
    && echo "  installed" || echo "  could not install them (see target-apt.log): the browser test will be skipped"
fi
exec ./mvnw -B -ntp verify "$@"
