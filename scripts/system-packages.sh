#!/usr/bin/env bash
# The Debian packages the tests need, in one place for `make test` and `.ci/run`.
#
#   scripts/system-packages.sh          install what is missing (as root), or, for anyone
#                                       else, name the exact command and fail at once
#   scripts/system-packages.sh --list   print what is missing and exit 0
#
# `make run` needs none of them: only Python 3.11 or 3.12 with venv.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

python_ok() {
    local py
    for py in python3.11 python3.12 python3; do
        if have "$py" && "$py" -c 'import sys, venv, ensurepip
sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))' 2>/dev/null; then
            return 0
        fi
    done
    return 1
}

missing=()
have make || missing+=(make)
python_ok || missing+=(python3 python3-venv)
# Translations are compiled from the .po files.
have msgfmt || missing+=(gettext)
# The browser tests drive Debian's chromium; Playwright's browser download is not used.
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
# Without a Thai font, Thai text renders as boxes in screenshots.
installed fonts-thai-tlwg || missing+=(fonts-thai-tlwg)
# The database tests run a second time on a throwaway PostgreSQL cluster.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || have initdb || missing+=(postgresql)
# The validators of the served demo site: the Nu HTML Checker (Java), axe-core
# (npm), and linkchecker.
have java || missing+=(default-jre-headless)
have npm || missing+=(nodejs npm)
have linkchecker || missing+=(linkchecker)
# tests/test_deploy_nginx.py runs deploy/nginx/ in front of gunicorn.
have nginx || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
# The Redis task queue and cache (tests/test_redis_queue.py) run on a real server.
have redis-server || missing+=(redis-server)

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${missing[@]}"
    exit 0
fi
if ((${#missing[@]} == 0)); then
    exit 0
fi
command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [[ "$(id -u)" != 0 ]]; then
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them as root, then run make test again:" >&2
    echo "    sudo sh -c '$command'" >&2
    exit 1
fi
if ! have apt-get; then
    echo "The tests need: ${missing[*]}, and this is not a Debian system; install them by hand." >&2
    exit 1
fi
echo "Installing the Debian packages the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
