#!/usr/bin/env bash
# HTTP measurement of the signed-in home page: signs in USERS generated users (user1 .. userN, password
# microblog-bench, see org.microblog.bench.Generate) through the real sign-in form, then lets wrk request
# the home page with their session cookies, CONNECTIONS in parallel for DURATION.
#
#   microblog-it/src/test/http/home-timeline.sh [BASE_URL] [USERS] [CONNECTIONS] [DURATION]
#   defaults:                                     http://127.0.0.1:8280  200   32            60s
#
# Only for a server started by hand on this machine (see docs/benchmarks.md); it sends traffic to BASE_URL only.
set -euo pipefail
base=${1:-http://127.0.0.1:8280}
users=${2:-200}
connections=${3:-32}
duration=${4:-60s}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cookies="$work/cookies.txt"

sign_in() {
    local n=$1 jar="$work/jar-$1" page view_state nonce
    page=$(curl -sS -c "$jar" -b "$jar" "$base/login")
    view_state=$(printf '%s' "$page" | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
    [ -n "$view_state" ] || { echo "no ViewState on $base/login" >&2; return 1; }
    # What PrimeFaces' script adds to every submit under the Content-Security-Policy: the page's nonce.
    nonce=$(printf '%s' "$page" | grep -o '<script[^>]* nonce="[^"]*"' | head -1 | sed 's/.*nonce="\([^"]*\)"/\1/')
    curl -sS -o /dev/null -c "$jar" -b "$jar" \
        --data-urlencode "login=login" \
        --data-urlencode "login:username=user$n" \
        --data-urlencode "login:password=microblog-bench" \
        --data-urlencode "login:submit=login:submit" \
        --data-urlencode "jakarta.faces.ViewState=$view_state" \
        --data-urlencode "primefaces.nonce=$nonce" \
        "$base/login"
    awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar" | tail -1
}

echo "Signing in $users users at $base ..."
# Spread over the generated ids 1..100000 so that the home pages differ (small and large followings).
step=$(( 100000 / users ))
for i in $(seq 1 "$users"); do
    sign_in $(( 1 + (i - 1) * step )) >> "$cookies" &
    if (( i % 4 == 0 )); then wait; fi
done
wait
signed=$(grep -c JSESSIONID "$cookies" || true)
echo "$signed sessions"
# A session must show a signed-in home page, not the sign-in form.
first=$(head -1 "$cookies")
curl -sS -o "$work/check.html" -w '%{http_code}\n' -H "Cookie: $first" "$base/" | grep -q '^200$'
if ! grep -q 'id="signOut"' "$work/check.html"; then
    echo "Sign-in did not work: the home page has no sign-out button" >&2
    exit 1
fi
COOKIES="$cookies" wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/home.lua" "$base/"
