#!/usr/bin/env bash
# Set-up and the whole test suite (unit, CPython vectors, concurrency, end-to-end, Python interop, browser).
# Needs only a JDK 25 (found under /usr/lib/jvm or in JAVA_HOME) and python3; Maven comes with the wrapper, the
# Python packages go into target/venv (scripts/python-env.sh), Chromium comes from Debian's packages.
# Ends with the totals over every module and the name of any test that was skipped, with the reason.
#   scripts/test.sh [--under-load] [Maven options...]
# --under-load runs the suite beside two CPU burners (busy loops, stopped when the run ends), as a busy machine would:
# the suite must pass there too. Other arguments go to ./mvnw verify.
set -euo pipefail
under_load=false
if [ "${1:-}" = "--under-load" ]; then
  under_load=true
  shift
fi
cd "$(dirname "$0")/.."
source scripts/java-env.sh
echo "Using JDK at $JAVA_HOME"
mkdir -p target

echo "Python venv for the interop tests (target/venv)..."
source scripts/python-env.sh
echo "  python: $BLOCKMINE_PYTHON"

# The dashboard test drives a real headless Chromium (Debian's chromium + chromium-driver); without them it is
# skipped, saying so. Installed here when missing and we may (root, or passwordless sudo).
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } && command -v apt-get > /dev/null; then
  echo "Installing chromium and chromium-driver for the dashboard test..."
  python_env_apt chromium chromium-driver && echo "  installed" \
    || echo "  could not install them (see target/apt.log): the browser test will be skipped"
fi

# The node.store=postgres tests start their own PostgreSQL server (scripts/postgres.sh, as an unprivileged user):
# Debian's postgresql package, installed here when missing; without it those tests are skipped, saying so.
if ! bash scripts/postgres.sh install 2>> target/apt.log; then
  echo "  could not install PostgreSQL (see target/apt.log): the postgres store tests will be skipped"
fi

rm -rf ./*/target/surefire-reports*  # totals below count this run only (engine tests also run per vector width)
if $under_load; then
  burners=()
  for _ in 1 2; do
    ( while :; do :; done ) &
    burners+=("$!")
  done
  trap 'kill "${burners[@]}" 2> /dev/null || true' EXIT
  trap 'exit 130' INT TERM
  echo "Under load: two CPU burners (processes ${burners[*]}) run beside the suite"
fi
status=0
./mvnw -B -ntp verify "$@" || status=$?
python3 scripts/test-report.py ./*/target/surefire-reports* ./*/target/failsafe-reports* || true
exit "$status"
