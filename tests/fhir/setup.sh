#!/usr/bin/env bash
# Creates (once) the Python venv that tests/fhir/validate.py runs in, and installs the pinned
# requirements when they are not all installed already. Idempotent. Progress goes to stderr; the
# only line on stdout is the venv's python:
#
#   PY=$(tests/fhir/setup.sh) && "$PY" tests/fhir/validate.py <questionnaire-dir> [bundle.json ...]
#
# FHIR_VENV overrides the location (default ~/.cache/wellbeing-widget/fhir-venv). On a machine
# without python3 or its venv module (Debian: python3-venv), they are installed with apt-get when
# running as root; otherwise the script says what to install.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
venv=${FHIR_VENV:-$HOME/.cache/wellbeing-widget/fhir-venv}
req=$here/requirements.txt

usable() { [ -x "$venv/bin/python" ] && "$venv/bin/python" -m pip --version >/dev/null 2>&1; }

if ! usable; then
  if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "fhir setup: installing python3 and python3-venv" >&2
      apt-get install -y -q python3 python3-venv >&2 || {
        apt-get update -q >&2 && apt-get install -y -q python3 python3-venv >&2; }
    else
      echo "fhir setup: needs python3 with its venv module (Debian: apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
  echo "fhir setup: creating $venv" >&2
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
fi

# Installed already when every pinned name==version line is in pip freeze (names compared
# case-insensitively, - and _ alike).
norm() { tr 'A-Z_' 'a-z-' | sed -e 's/[[:space:]]//g'; }
want=$(grep -Ev '^[[:space:]]*(#|$)' "$req" | norm | sort)
have=$("$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | norm | sort)
if [ -n "$(comm -23 <(echo "$want") <(echo "$have"))" ]; then
  echo "fhir setup: installing $req" >&2
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$req" >&2
fi
echo "$venv/bin/python"
