# Sourced by the other scripts: makes target/venv, a Python virtual environment with interop/requirements.txt
# (pinned Flask and requests) for the interop tests and the Flask baseline, and exports BLOCKMINE_PYTHON (its
# python). Made again only when requirements.txt changes. Where it cannot be made, says why and leaves
# BLOCKMINE_PYTHON=python3: the tests that need Flask or requests are then skipped, and scripts/test.sh lists them.

python_env_apt() { # installs Debian packages when we may (root, or passwordless sudo)
  command -v apt-get > /dev/null || return 1
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"; } >> target/apt.log 2>&1
}

python_env_make() {
  local venv=target/venv requirements=interop/requirements.txt stamp
  stamp="$(sha256sum "$requirements" | cut -c1-64)"
  if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.requirements" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  command -v python3 > /dev/null || { echo "  no python3 on this machine" ; return 1; }
  rm -rf "$venv"
  if ! python3 -m venv "$venv" > target/venv.log 2>&1; then
    echo "  python3 -m venv failed; installing python3-venv" # Debian splits venv/ensurepip off python3
    python_env_apt python3-venv && rm -rf "$venv" && python3 -m venv "$venv" >> target/venv.log 2>&1 || return 1
  fi
  if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >> target/venv.log 2>&1; then
    # no package index reachable: Debian's own Flask, requests and cryptography, seen through the venv
    echo "  pip could not install $requirements (see target/venv.log); trying Debian's python3-flask, python3-requests and python3-cryptography"
    python_env_apt python3-flask python3-requests python3-cryptography || return 1
    rm -rf "$venv" && python3 -m venv --system-site-packages "$venv" >> target/venv.log 2>&1 || return 1
    "$venv/bin/python" -c "import flask, requests, cryptography" >> target/venv.log 2>&1 || return 1
  fi
  echo "$stamp" > "$venv/.requirements"
}

mkdir -p target
if python_env_make; then
  BLOCKMINE_PYTHON="$PWD/target/venv/bin/python"
else
  echo "warning: no Python venv for the interop tests (see target/venv.log): they will be skipped" >&2
  BLOCKMINE_PYTHON=python3
fi
export BLOCKMINE_PYTHON
