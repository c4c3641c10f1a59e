#!/usr/bin/env bash
# The lock files every install uses, with a hash for each file pip may download:
#
#   requirements/production.txt   what the site needs to run (pyproject.toml's
#                                 dependencies, the search-server and s3 extras)
#   requirements/dev.txt          that, and the tools the tests and linters need
#
#   scripts/lock.sh            rewrite both after a change to pyproject.toml; versions
#                              already locked are kept unless the bounds exclude them
#   scripts/lock.sh --upgrade  the newest versions pyproject.toml's bounds allow
#   scripts/lock.sh --check    fail if either file no longer matches pyproject.toml
#
# One lock for Python 3.11 and 3.12 on every platform (uv's universal resolution).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

UV="${UV:-.venv/bin/uv}"
mode="${1:-}"
[[ -x "$UV" ]] || UV="$(command -v uv || true)"
[[ -n "$UV" ]] || { echo "error: uv is missing: make venv installs it" >&2; exit 1; }

compile() {
    local output="$1"
    shift
    local extra=()
    [[ "$mode" == "--upgrade" ]] && extra+=(--upgrade)
    UV_CUSTOM_COMPILE_COMMAND="scripts/lock.sh" "$UV" pip compile pyproject.toml \
        --quiet --universal --python-version 3.11 --generate-hashes --no-strip-extras \
        --extra search-server --extra s3 "$@" "${extra[@]}" -o "$output"
}

if [[ "$mode" == "--check" ]]; then
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    status=0
    for name in production dev; do
        cp "requirements/$name.txt" "$scratch/$name.txt"
        if [[ $name == dev ]]; then compile "$scratch/$name.txt" --extra dev; else compile "$scratch/$name.txt"; fi
        if ! diff -u "requirements/$name.txt" "$scratch/$name.txt" >"$scratch/$name.diff"; then
            echo "error: requirements/$name.txt does not match pyproject.toml; run scripts/lock.sh" >&2
            grep -E '^[-+][a-zA-Z]' "$scratch/$name.diff" >&2 || true
            status=1
        fi
    done
    exit "$status"
fi

compile requirements/production.txt
compile requirements/dev.txt --extra dev
echo "requirements/production.txt and requirements/dev.txt written"
