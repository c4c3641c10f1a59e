#!/usr/bin/env bash
# Run one phase of `make test` and say how long it took.
#
#   scripts/phase.sh "pytest on SQLite" make pytest-sqlite
#   scripts/phase.sh --summary          every phase so far, with its time
#
# The times are kept in .test-phases until the summary is printed.
set -uo pipefail

LOG="${PHASES_LOG:-.test-phases}"

if [[ "${1:-}" == "--summary" ]]; then
    echo
    echo "Phases:"
    [[ -f "$LOG" ]] && cat "$LOG"
    rm -f "$LOG"
    exit 0
fi

name="$1"
shift
printf '\n======== %s ========\n\n' "$name"
started=$SECONDS
"$@"
status=$?
elapsed=$((SECONDS - started))
result="passed"
((status == 0)) || result="FAILED"
printf '  %-24s %3dm%02ds  %s\n' "$name" $((elapsed / 60)) $((elapsed % 60)) "$result" >>"$LOG"
printf '\n%s: %s in %dm%02ds\n' "$name" "$result" $((elapsed / 60)) $((elapsed % 60))
if ((status != 0)); then
    cat "$LOG"
    rm -f "$LOG"
fi
exit "$status"
