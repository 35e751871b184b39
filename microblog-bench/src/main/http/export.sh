#!/usr/bin/env bash
# How long "Export my posts" takes for one generated user, on a Microblog started by hand on this machine (see
# docs/benchmarks.md): signs user N in through the sign-in form, clicks "Export my posts" on the profile editor (its
# real form, write token and all), reads /export every 50 ms until it offers the download, downloads the file and
# checks it: valid JSON, the user's name, as many posts as the page said, each once, newest first.
#
#   microblog-bench/src/main/http/export.sh [--base URL] [--runs N] USER_NUMBER
#
#   USER_NUMBER   n of the generated user{n} (password microblog-bench); the benchmark takes the one with the most
#                 posts
#   --base URL    default http://127.0.0.1:8280
#   --runs N      exports one after the other (each replaces the last), default 5
#
# Prints one line per run: seconds from the click to the page offering the download (the job, and up to 50 ms of
# polling), and the download's seconds and size; the server's log has the job's own time ("Export N finished in T ms,
# posts: P").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=http://127.0.0.1:8280 runs=5 user=""
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        [0-9]*) user=$1; shift ;;
        *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ -n "$user" ] || { echo "Which user? Give the number n of user{n}." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=microblog-bench/src/main/http/sign-in.sh
source "$here/sign-in.sh"

header=$(sign_in "$user" | cut -f3)
curl=(curl -sS --interface "$(client_address "$user")" -H "Cookie: $header")
now() { date +%s.%N; }

for run in $(seq 1 "$runs"); do
    "${curl[@]}" -f -o "$work/edit-profile.html" "$base/edit-profile"
    body=$(python3 "$here/form-body.py" export "export:submit=export:submit" < "$work/edit-profile.html")
    start=$(now)
    status=$("${curl[@]}" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary "$body" "$base/edit-profile")
    [ "$status" = 302 ] || { echo "The click on Export answered $status, not 302" >&2; exit 1; }
    while :; do
        "${curl[@]}" -f -o "$work/export.html" "$base/export"
        grep -q 'id="export-download"' "$work/export.html" && break
        grep -q 'id="export-progress"' "$work/export.html" || { echo "Neither progress nor download" >&2; exit 1; }
        sleep 0.05
    done
    ready=$(now)
    link=$(grep -o 'id="export-download"[^>]*href="[^"]*"' "$work/export.html" | sed 's/.*href="//; s/"$//')
    total=$(grep -o 'Your export of [0-9,]* posts' "$work/export.html" | tr -dc 0-9)
    timing=$("${curl[@]}" -f -o "$work/export.json" -w '%{time_total} %{size_download}' "$base$link")
    python3 - "$work/export.json" "user$user" "$total" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
posts = data["posts"]
ids = [p["id"] for p in posts]
times = [p["created_at"] for p in posts]
assert data["account"]["username"] == sys.argv[2], data["account"]
assert len(posts) == int(sys.argv[3]), (len(posts), sys.argv[3])
assert len(set(ids)) == len(ids), "a post twice"
assert times == sorted(times, reverse=True), "not newest first"
PY
    printf 'run %s: %s posts, ready after %.2f s; download %.3f s, %s bytes\n' "$run" "$total" \
        "$(echo "$ready - $start" | bc)" "${timing% *}" "${timing#* }"
done
