#!/usr/bin/env bash
# HTTP load test of Microblog with wrk, every answer checked. Only for a server started by hand on this
# machine (see docs/benchmarks.md); it sends traffic to BASE_URL only.
#
#   microblog-it/src/test/http/home-timeline.sh [options] [home|profile|standard]
#
#   home      (default) the signed-in home page "/": signs in USERS generated users (user1 .. user100000,
#             password microblog-bench, see org.microblog.bench.Generate) through the real sign-in form, then
#             wrk requests the home page with every cookie each user's sign-in set, the users in turn; an
#             answer counts only if it is a 200 whose body has the sign-out form (id="signOut")
#   profile   an anonymous page, the profile "/user/user1", no cookies; an answer counts only if it is a 200
#             with id="profile-username"; answers that set a cookie (a session for a visitor) are counted
#   standard  the standard set in one go: home at 4, 16 and 64 connections, profile at 16
#
#   --base URL          default http://127.0.0.1:8280
#   --users N           signed-in users, default 100
#   --connections N     home and profile modes, default 16
#   --duration D        per run, wrk's syntax (30s, 1m), default 30s
#   --jfr DIR           record a JFR profile of the server during the run (standard mode: the 16-connection
#                       home run) into DIR and summarise it with jfr-summary.sh (DIR/*-summary.txt)
#   --pid PID           the server's process for --jfr (default: the process listening on BASE_URL's port)
#   --only-cookies A,B  diagnostic: send only these of the sign-in's cookies (e.g. JSESSIONID, to see Payara
#                       7.2025.1 lose sessions without JSESSIONIDVERSION, FISH-13058, fixed in 7.2026.11); the
#                       answers are still checked
#
# Prints wrk's summary per run and a markdown table row per run at the end; exits 1 if any answer failed
# (status not 200, marker missing, socket error or timeout) or a sign-in did not give a signed-in home page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=http://127.0.0.1:8280 users=100 connections=16 duration=30s jfr_dir="" pid="" only="" mode=home
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --jfr) jfr_dir=$2; shift 2 ;;
        --pid) pid=$2; shift 2 ;;
        --only-cookies) only=$2; shift 2 ;;
        home|profile|standard) mode=$1; shift ;;
        *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
base=${base%/}
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cookies="$work/cookies.txt"
rows="$work/rows.md"
status=0

# cookie_header and sign_in
source "$here/sign-in.sh"

sign_in_all() {
    echo "Signing in $users users at $base ..."
    # Spread over the generated ids 1..100000 so that the home pages differ (small and large followings).
    local step=$(( 100000 / users )) i signed
    : > "$cookies"
    for i in $(seq 1 "$users"); do
        # a failed sign-in prints no cookie line (and says why on stderr)
        sign_in $(( 1 + (i - 1) * step )) > "$work/cookie-$i" &
        if (( i % 4 == 0 )); then wait; fi
    done
    wait
    for i in $(seq 1 "$users"); do cat "$work/cookie-$i" >> "$cookies"; done
    signed=$(grep -c . "$cookies" || true)
    echo "$signed of $users users signed in; cookies per user: $(head -1 "$cookies" | sed 's/=[^;]*//g')"
    if [ "$signed" -ne "$users" ]; then
        echo "Some sign-ins failed: not measuring." >&2
        exit 1
    fi
    if [ -n "$only" ]; then
        awk -v only=",$only," '{ out = ""; n = split($0, c, "; ")
            for (i = 1; i <= n; i++) { name = c[i]; sub(/=.*/, "", name)
                if (index(only, "," name ",")) out = out (out == "" ? "" : "; ") c[i] }
            print out }' "$cookies" > "$cookies.only" && mv "$cookies.only" "$cookies"
        echo "sending only: $(head -1 "$cookies" | sed 's/=[^;]*//g')"
    fi
}

server_pid() {
    if [ -n "$pid" ]; then echo "$pid"; return; fi
    local port=${base##*:}
    port=${port%%/*}
    ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

# run LABEL PATH MARKER CONNECTIONS COOKIE_FILE [JFR]
run() {
    local label=$1 path=$2 marker=$3 conns=$4 cookie_file=$5 profile=${6:-} out="$work/wrk.out" threads=2 p jcmd jfr_file
    (( conns < threads )) && threads=$conns
    echo
    echo "== $label, $conns connections, $duration; load before: $(uptime | sed 's/.*load average: //')"
    if [ -n "$profile" ]; then
        p=$(server_pid)
        [ -n "$p" ] || { echo "--jfr: no server process found (give --pid)" >&2; exit 2; }
        jcmd="$(dirname "$(readlink -f "/proc/$p/exe")")/jcmd"
        mkdir -p "$jfr_dir"
        jfr_file="$(cd "$jfr_dir" && pwd)/$(echo "$label" | tr -c 'a-z0-9\n' '-')-c$conns.jfr"
        "$jcmd" "$p" JFR.start name=microblog-bench settings=profile > /dev/null
    fi
    PAGE="$path" MARKER="$marker" COOKIES="$cookie_file" \
        wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency -s "$here/page.lua" "$base$path" | tee "$out"
    if [ -n "$profile" ]; then
        "$jcmd" "$p" JFR.stop name=microblog-bench filename="$jfr_file" > /dev/null
        echo "JFR recording: $jfr_file"
        "$here/jfr-summary.sh" "$jfr_file" | tee "${jfr_file%.jfr}-summary.txt"
    fi
    local r
    r=$(grep '^result' "$out") || { echo "wrk printed no result" >&2; exit 1; }
    IFS=$'\t' read -r _ rps median p90 p99 max requests failed set_cookie <<< "$r"
    printf '| %s | %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s | %s | %s |\n' "$label" "$conns" "$duration" \
        "$rps" "$median" "$p90" "$p99" "$max" "$requests" "$failed" "$set_cookie" >> "$rows"
    if [ "$failed" -ne 0 ]; then status=1; fi
}

home() { run "signed-in home /" / 'id="signOut"' "$1" "$cookies" "${2:-}"; }
profile() { run "anonymous profile /user/user1" /user/user1 'id="profile-username"' "$1" "" "${2:-}"; }

case "$mode" in
    home) sign_in_all; home "$connections" "$jfr_dir" ;;
    profile) profile "$connections" "$jfr_dir" ;;
    standard) sign_in_all; home 4; home 16 "$jfr_dir"; home 64; profile 16 ;;
esac

echo
echo "| page | connections | duration | requests/s | median | p90 | p99 | max | requests | failed | answers setting a cookie |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$rows"
[ "$status" -eq 0 ] || echo "Some answers failed (see 'failed'): these figures do not measure the page." >&2
exit "$status"
