#!/usr/bin/env bash
# Lighthouse (the npm package, pinned in package.json) with Debian's chromium, on
# the demo site served as in production (scripts/demo_site.py): the home page, an
# event summary and an e-book page, in Thai, with Lighthouse's default mobile
# settings (a mid-range phone on a throttled 4G connection). Prints the four
# scores of each page.
#
#   benchmarks/lighthouse.sh            serve a new demo site, measure, stop it
#   DEMO_SITE="<base URL> <manifest>" benchmarks/lighthouse.sh
#                                       measure a demo site already running
#   RUNS=3 benchmarks/lighthouse.sh     the median of three runs per page
#
# Targets: performance at least 90 (mobile); accessibility, best practices and
# SEO at least 95.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
RUNS="${RUNS:-1}"
export CHROME_PATH

[[ -x node_modules/.bin/lighthouse ]] || npm ci --no-audit --no-fund --ignore-scripts
[[ -x "$CHROME_PATH" ]] || { echo "error: no chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }

workdir="$(mktemp -d -t lighthouse.XXXXXX)"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

if [[ -n "${DEMO_SITE:-}" ]]; then
    read -r base_url manifest <<<"$DEMO_SITE"
else
    echo "Serving the demo site (scripts/demo_site.py)…" >&2
    mkfifo "$workdir/ready"
    "$PY" scripts/demo_site.py >"$workdir/ready" 2>"$workdir/server.log" &
    server_pid=$!
    read -r _ base_url manifest <"$workdir/ready" || {
        cat "$workdir/server.log" >&2
        exit 1
    }
fi

# One page of each kind, in Thai, as the manifest lists them.
mapfile -t pages < <("$PY" - "$manifest" <<'PYTHON'
import json, sys
pages = json.load(open(sys.argv[1]))["pages"]
for kind in ("home.HomePage", "articles.EventSummaryPage", "articles.EbookPage"):
    print(next(p["url"] for p in pages if p["type"] == kind and p["language"] == "th"))
PYTHON
)

# Each page twice before measuring: a page's first view makes its JPEG/PNG
# renditions and, once answered, its AVIF and WebP ones, which the second view
# waits for; readers after that get them all.
for round in 1 2; do
    for url in "${pages[@]}"; do curl -fsS -o /dev/null -A "lighthouse-warm-up" "$url"; done
done

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
printf '%-60s %11s %13s %14s %5s\n' "page (mobile)" "performance" "accessibility" "best-practices" "SEO"
for url in "${pages[@]}"; do
    for run in $(seq 1 "$RUNS"); do
        # Lighthouse now and then loses its trace (NO_NAVSTART) and reports no
        # performance score; such a run is repeated, up to three times.
        for attempt in 1 2 3; do
            node_modules/.bin/lighthouse "$url" --quiet --chrome-flags="$flags" \
                --only-categories=performance,accessibility,best-practices,seo \
                --output=json --output-path="$workdir/report-$run.json" >/dev/null 2>>"$workdir/lighthouse.log" || {
                tail -n 20 "$workdir/lighthouse.log" >&2
                exit 1
            }
            "$PY" -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(any(c["score"] is None for c in r["categories"].values()))' \
                "$workdir/report-$run.json" && break
            echo "Lighthouse run $attempt on $url had no score; again." >&2
        done
    done
    "$PY" - "$url" "$workdir" "$RUNS" <<'PYTHON'
import json, statistics, sys
url, folder, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
reports = [json.load(open(f"{folder}/report-{run}.json")) for run in range(1, runs + 1)]
def score(name):
    return round(statistics.median(r["categories"][name]["score"] for r in reports) * 100)
path = url.split("/", 3)[-1]
print(f"/{path:<59} {score('performance'):>11} {score('accessibility'):>13} {score('best-practices'):>14} {score('seo'):>5}")
for report in reports[:1]:
    for category in ("performance", "accessibility", "best-practices", "seo"):
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                print(f"    {category}: {audit['title']} ({audit['score']:.2f})")
PYTHON
done
