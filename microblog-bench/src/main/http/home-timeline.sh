#!/usr/bin/env bash
# HTTP load test of Microblog with wrk, every answer checked, and what each page cost the server. Only for a
# server started by hand on this machine (see docs/benchmarks.md); it sends traffic to BASE_URL only.
#
#   microblog-bench/src/main/http/home-timeline.sh [options] [pages|home|profile|standard]
#
#   pages     (default) every page people read often and the floors under them, at 4, 16 and 64 connections,
#             each page warmed up first (--pages and --conns choose):
#               static      a style sheet (the servlet container alone)
#               floor       /floor, a Faces page with nothing on it (filters, security, the Faces lifecycle)
#               welcome     the visitor's welcome page / (the layout and menu, no data)
#               signed-in   /change-password signed in (the layout, the signed-in user, no timeline)
#               home        the signed-in home page /
#               older       the signed-in home page's "Older posts" page (each user's own link)
#               profile-in  the profile /user/user4985, signed in
#               profile     the same profile, as a visitor
#               explore     /explore, as a visitor
#               followers   /user/user4985/followers, as a visitor
#               search      /search?q=coffee (a word in a tenth of the generated posts), as a visitor; not in the
#                           default list, like the three below
#               search-rare /search?q=quokka (a dozen posts), as a visitor
#               search-people /search?q=user498 (people: user498, user4980, user49800...), as a visitor
#               search-in   /search?q=coffee, signed in
#   home      the signed-in home page at --connections
#   api       the client API's home timeline, GET /api/v1/timelines/home?limit=20 with each user's Bearer token
#             (from the real consent page), at --connections; an answer counts only if it is a 200 whose JSON
#             begins with the newest post of that user's signed-in home page. The server must allow the calls
#             (-Dmicroblog.api.rate-limit.requests=1000000000: Mastodon's 300 per 5 minutes is a client's)
#   profile   the visitor's profile at --connections
#   standard  the earlier standard set: home at 4, 16 and 64 connections, profile at 16
#
#   Signed-in pages sign in USERS generated users (user1 .. user100000, password microblog-bench, see
#   org.microblog.bench.Generate) through the real sign-in form; wrk sends each user's cookies in turn, and an
#   answer counts only if it is a 200 with the page's marker and the menu's profile link of the very user whose
#   cookie was sent. Visitors' answers must be 200s with the page's marker; answers that set a cookie are counted.
#
#   --base URL          default http://127.0.0.1:8280
#   --users N           signed-in users, default 100
#   --connections N     home and profile modes, default 16
#   --pages A,B         pages mode: these pages only (names above)
#   --conns A,B         pages mode: these connection counts, default 4,16,64
#   --duration D        per measured run, wrk's syntax (30s, 1m), default 20s
#   --warmup D          pages mode: a run at 16 connections before each page's measured runs, default 15s
#   --warmup-all D      before everything, at 16 connections: the signed-in home page (pages, home and standard
#                       modes) or the API's home timeline (api mode), default 4m. On these 2 cores the JIT needs
#                       about 4 minutes of such traffic before the figures stop rising: successive 30-second runs of
#                       the API after a restart gave 287, 377, 546, 697, 950 and 951 requests/s (docs/benchmarks.md)
#   --jfr DIR           record a JFR profile of the server during the 16-connection runs (pages and standard
#                       modes: of the signed-in home page only) into DIR and summarise it with jfr-summary.sh
#   --pid PID[,PID]     the server's JVM(s), whose CPU, collections and allocation each run reports (default: the
#                       process listening on BASE_URL's port; give the instances' pids behind a balancer)
#   --only-cookies A,B  diagnostic: send only these of the sign-in's cookies; the answers are still checked
#
# First it prints how fast the machine is (machine_speed, below). Then per run it prints wrk's summary and, from the
# server's own counters: its CPU per page (the JVM's CPU time over the run, from /proc, divided by the requests, so
# wrk's share is left out), wrk's CPU per page, the collections
# and their pauses, the bytes allocated per page and the heap after the last collection (a JFR recording of
# run-costs.jfc, read by run-costs.py). At the end a markdown table row per run. Exits 1 if any answer failed
# (status not 200, marker or menu link missing, socket error or timeout) or a sign-in did not give a signed-in
# home page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=http://127.0.0.1:8280 users=100 connections=16 duration=20s warmup=15s warmup_all=4m jfr_dir="" pid="" only="" mode=pages
pages=static,floor,welcome,signed-in,home,older,profile-in,profile,explore,followers conns=4,16,64
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --pages) pages=$2; shift 2 ;;
        --conns) conns=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --warmup-all) warmup_all=$2; shift 2 ;;
        --jfr) jfr_dir=$2; shift 2 ;;
        --pid) pid=$2; shift 2 ;;
        --only-cookies) only=$2; shift 2 ;;
        pages|home|profile|standard|api) mode=$1; shift ;;
        *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
base=${base%/}
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cookies="$work/users.tsv"
rows="$work/rows.md"
status=0
signed_in=false
warming=false

# cookie_header and sign_in
# shellcheck source=microblog-bench/src/main/http/sign-in.sh
source "$here/sign-in.sh"

sign_in_all() {
    [ "$signed_in" = false ] || return 0
    signed_in=true
    echo "Signing in $users users at $base ..."
    # Spread over the generated ids 1..100000 so that the home pages differ (small and large followings).
    local step=$(( 100000 / users )) i signed
    : > "$cookies"
    for i in $(seq 1 "$users"); do
        # a failed sign-in prints no line (and says why on stderr)
        sign_in $(( 1 + (i - 1) * step )) > "$work/user-$i" &
        if (( i % 4 == 0 )); then wait; fi
    done
    wait
    for i in $(seq 1 "$users"); do cat "$work/user-$i" >> "$cookies"; done
    signed=$(grep -c . "$cookies" || true)
    echo "$signed of $users users signed in ($(awk -F'\t' '$2 != "-"' "$cookies" | wc -l) with an \"Older posts\"" \
        "link); cookies per user: $(head -1 "$cookies" | cut -f3 | sed 's/=[^;]*//g')"
    if [ "$signed" -ne "$users" ]; then
        echo "Some sign-ins failed: not measuring." >&2
        exit 1
    fi
    if [ -n "$only" ]; then
        awk -F'\t' -v OFS='\t' -v only=",$only," '{ out = ""; n = split($3, c, "; ")
            for (i = 1; i <= n; i++) { name = c[i]; sub(/=.*/, "", name)
                if (index(only, "," name ",")) out = out (out == "" ? "" : "; ") c[i] }
            $3 = out; print }' "$cookies" > "$cookies.only" && mv "$cookies.only" "$cookies"
        echo "sending only: $(head -1 "$cookies" | cut -f3 | sed 's/=[^;]*//g')"
    fi
}

tokens="$work/tokens.tsv"
got_tokens=false

# Signs the users in, then each authorizes one app on the consent page (api_token), one after another: $tokens, a line
# per user.
tokens_all() {
    [ "$got_tokens" = false ] || return 0
    got_tokens=true
    sign_in_all
    local app id secret name
    app=$(register_app) || { echo "could not register the benchmark's app at $base" >&2; exit 1; }
    IFS=$'\t' read -r id secret <<< "$app"
    : > "$tokens"
    while IFS=$'\t' read -r name _; do
        api_token "${name#user}" "$id" "$secret" >> "$tokens"
    done < "$cookies"
    if [ "$(grep -c . "$tokens")" -ne "$users" ] || grep -q $'\t-\t' "$tokens"; then
        echo "Some users got no token, or have no post on their home page: not measuring." >&2
        exit 1
    fi
    echo "$users users authorized the benchmark's app"
}

server_pids() {
    if [ -n "$pid" ]; then echo "${pid//,/ }"; return; fi
    local port=${base##*:}
    port=${port%%/*}
    ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

# The CPU time (user + system, in clock ticks) the processes' threads have used so far, as "all requests jit gc":
# every thread, Payara's HTTP request threads, the JIT compilers and the garbage collector's threads (a thread's
# name is in its /proc/PID/task/TID/stat, cut to 15 characters). A thread that ended during a run is missed.
cpu_ticks() {
    local p
    for p in "$@"; do cat /proc/"$p"/task/*/stat 2>/dev/null; done | awk '
        { lp = index($0, "("); rp = 0
          for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
          name = substr($0, lp + 1, rp - lp - 1)
          split(substr($0, rp + 2), f, " ")   # f[1] is the state, utime and stime are f[12] and f[13]
          t = f[12] + f[13]; all += t
          if (name ~ /^http-thread-poo/) requests += t
          else if (name ~ /^C[12] CompilerThre/) jit += t
          else if (name ~ /^(GC Thread|G1 |VM Thread|VM Periodic)/) gc += t }
        END { printf "%d %d %d %d\n", all, requests, jit, gc }'
}

jdk_tool() { echo "$(dirname "$(readlink -f "/proc/$1/exe")")/$2"; }

# The machine's speed: the CPU seconds that the SHA-256 of 1 GB of zeros takes on one core. These machines are
# virtual and their hosts differ from day to day: the same code and data gave 892 API requests/s on 2026-12-07 and
# 552-664 on 2026-12-08 (2.48-2.55 s here that day). Figures of two days compare only beside it. It is taken before
# any load: right after a warm-up it read 3.5-4.4 s, with the server still busy.
machine_speed() {
    local TIMEFORMAT='%2U'
    { time (head -c 1000M /dev/zero | sha256sum > /dev/null); } 2>&1
}
# run LABEL PATH MARKER CONNECTIONS USERS_FILE [JFR_DIR]
# Measures one page: wrk with one connection per thread (so that page.lua knows whose answer it reads), the
# server's CPU from /proc before and after, its collections and allocation from a run-costs.jfc recording.
run() {
    local label=$1 path=$2 marker=$3 conns=$4 users_file=$5 profile=${6:-} out="$work/wrk.out" p jfr_file
    local pids ticks_before ticks_after wrk_cpu gcs=0 pause=0 longest=0 allocated=0 heap=0
    read -r -a pids <<< "$(server_pids)"
    [ ${#pids[@]} -gt 0 ] || { echo "no server process found (give --pid)" >&2; exit 2; }
    echo
    echo "== $label, $conns connections, $duration; load before: $(uptime | sed 's/.*load average: //')"
    for p in "${pids[@]}"; do
        "$(jdk_tool "$p" jcmd)" "$p" JFR.start name=microblog-run-costs settings="$here/run-costs.jfc" > /dev/null
    done
    if [ -n "$profile" ]; then
        mkdir -p "$profile"
        jfr_file="$(cd "$profile" && pwd)/$(echo "$label" | tr -c 'a-z0-9\n' '-')-c$conns.jfr"
        "$(jdk_tool "${pids[0]}" jcmd)" "${pids[0]}" JFR.start name=microblog-bench settings=profile > /dev/null
    fi
    read -r -a ticks_before <<< "$(cpu_ticks "${pids[@]}")"
    TIMEFORMAT='%3U %3S'
    # "older": page.lua takes each user's own path; wrk still wants a URL, the home page's
    { time PAGE="$path" MARKER="$marker" USERS="$users_file" API="${api:-0}" \
        wrk -t"$conns" -c"$conns" -d"$duration" --timeout 10s --latency -s "$here/page.lua" "$base${path/#older//}" \
        > "$out"; } 2> "$work/wrk.time"
    read -r -a ticks_after <<< "$(cpu_ticks "${pids[@]}")"
    cat "$out"
    for p in "${pids[@]}"; do
        "$(jdk_tool "$p" jcmd)" "$p" JFR.stop name=microblog-run-costs filename="$work/costs-$p.jfr" > /dev/null
        read -r g ps l a h <<< "$(python3 "$here/run-costs.py" "$(jdk_tool "$p" jfr)" "$work/costs-$p.jfr")"
        gcs=$(( gcs + g )) allocated=$(( allocated + a )) heap=$(( heap + h ))
        pause=$(awk -v a="$pause" -v b="$ps" 'BEGIN { print a + b }')
        longest=$(awk -v a="$longest" -v b="$l" 'BEGIN { print (b > a ? b : a) }')
    done
    if [ -n "$profile" ]; then
        "$(jdk_tool "${pids[0]}" jcmd)" "${pids[0]}" JFR.stop name=microblog-bench filename="$jfr_file" > /dev/null
        echo "JFR recording: $jfr_file"
        "$here/jfr-summary.sh" "$jfr_file" | tee "${jfr_file%.jfr}-summary.txt"
    fi
    local r rps median p99 max requests failed set_cookie server_ms wrk_ms alloc_kb k per_page=()
    r=$(grep '^result' "$out") || { echo "wrk printed no result" >&2; exit 1; }
    IFS=$'\t' read -r _ rps median _ p99 max requests failed set_cookie <<< "$r"
    wrk_cpu=$(awk '{ print $1 + $2 }' "$work/wrk.time")
    for k in 0 1 2 3; do
        per_page+=("$(awk -v t=$(( ticks_after[k] - ticks_before[k] )) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
            'BEGIN { printf "%.2f", n ? t / hz * 1000 / n : 0 }')")
    done
    server_ms=${per_page[0]}
    wrk_ms=$(awk -v s="$wrk_cpu" -v n="$requests" 'BEGIN { printf "%.2f", n ? s * 1000 / n : 0 }')
    alloc_kb=$(awk -v a="$allocated" -v n="$requests" 'BEGIN { printf "%.0f", n ? a / 1024 / n : 0 }')
    echo "server CPU per page $server_ms ms (request threads ${per_page[1]}, JIT compilers ${per_page[2]}," \
        "GC and VM threads ${per_page[3]}), wrk CPU per page $wrk_ms ms; collections $gcs, pauses $pause ms" \
        "(longest $longest ms); allocated $alloc_kb KB per page; heap after the last collection" \
        "$(( heap / 1048576 )) MB"
    if [ "$failed" -ne 0 ]; then status=1; fi
    [ "$warming" = false ] || return 0
    printf '| %s | %s | %s | %s ms | %s ms | %s ms | **%s ms** | %s / %s / %s ms | %s ms | %s | %s ms (%s ms) | %s KB | %s MB | %s | %s | %s |\n' \
        "$label" "$conns" "$rps" "$median" "$p99" "$max" "$server_ms" "${per_page[1]}" "${per_page[2]}" "${per_page[3]}" \
        "$wrk_ms" "$gcs" "$pause" "$longest" \
        "$alloc_kb" "$(( heap / 1048576 ))" "$requests" "$failed" "$set_cookie" >> "$rows"
}

# page NAME CONNECTIONS [JFR_DIR]: one of the pages of the pages mode
page() {
    local name=$1 conns=$2 profile=${3:-} css
    case "$name" in
        static)
            css=$(curl -sf "$base/" | grep -o 'href="[^"]*microblog\.css[^"]*"' | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
            [ -n "$css" ] || { echo "no style sheet link on $base/" >&2; exit 1; }
            run "style sheet (static)" "$css" '.topbar' "$conns" "" "$profile" ;;
        floor) run "empty Faces page /floor" /floor 'id="floor"' "$conns" "" "$profile" ;;
        welcome) run "welcome page / (visitor)" / 'id="welcome-signin"' "$conns" "" "$profile" ;;
        signed-in) sign_in_all; run "signed-in /change-password" /change-password 'id="signOut"' "$conns" "$cookies" "$profile" ;;
        home) sign_in_all; run "signed-in home /" / 'id="signOut"' "$conns" "$cookies" "$profile" ;;
        older) sign_in_all; run "signed-in home, older posts" older 'class="post"' "$conns" "$cookies" "$profile" ;;
        profile-in) sign_in_all; run "profile /user/user4985, signed in" /user/user4985 'id="profile-username"' "$conns" "$cookies" "$profile" ;;
        profile) run "profile /user/user4985 (visitor)" /user/user4985 'id="profile-username"' "$conns" "" "$profile" ;;
        explore) run "explore (visitor)" /explore 'class="post"' "$conns" "" "$profile" ;;
        followers) run "followers /user/user4985/followers (visitor)" /user/user4985/followers 'id="connections-heading"' "$conns" "" "$profile" ;;
        search) run "search, a common word (visitor)" '/search?q=coffee' 'class="post"' "$conns" "" "$profile" ;;
        search-rare) run "search, a rare word (visitor)" '/search?q=quokka' 'class="post"' "$conns" "" "$profile" ;;
        search-people) run "search, a username prefix (visitor)" '/search?q=user498' 'href="/user/user498"' "$conns" "" "$profile" ;;
        search-in) sign_in_all; run "search, a common word, signed in" '/search?q=coffee' 'class="post"' "$conns" "$cookies" "$profile" ;;
        api-home) tokens_all; api=1 run "API home timeline, 20 statuses" '/api/v1/timelines/home?limit=20' '"content":"<p>' "$conns" "$tokens" "$profile" ;;
        *) echo "no page '$name'" >&2; exit 2 ;;
    esac
}

# warm_up PAGE [DURATION]: PAGE at 16 connections for DURATION (default --warmup-all), unmeasured, so that the runs
# after it measure compiled code
warm_up() {
    local measured_duration=$duration
    duration=${2:-$warmup_all} warming=true
    page "$1" 16 > "$work/warmup.out"
    echo "warmed up with $1: $(grep '^requests' "$work/warmup.out" | tr '\n' ' ')"
    duration=$measured_duration warming=false
}

echo "The machine, idle: the SHA-256 of 1 GB takes $(machine_speed) s of one core's CPU (2.5 s on 2026-12-08)."
case "$mode" in
    home) warm_up home; page home "$connections" "$jfr_dir" ;;
    profile) page profile "$connections" "$jfr_dir" ;;
    api) warm_up api-home; page api-home "$connections" "$jfr_dir" ;;
    standard) warm_up home; page home 4; page home 16 "$jfr_dir"; page home 64; page profile 16 ;;
    pages)
        warm_up home
        for name in ${pages//,/ }; do
            warm_up "$name" "$warmup"
            for c in ${conns//,/ }; do
                page "$name" "$c" "$([ "$name" = home ] && [ "$c" = 16 ] && echo "$jfr_dir")"
            done
        done
        ;;
esac

echo
echo "| page | connections | requests/s | median | p99 | max | server CPU per page | of which requests / JIT / GC | wrk CPU per page | collections | GC pauses (longest) | allocated per page | heap after GC | requests | failed | set a cookie |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$rows"
[ "$status" -eq 0 ] || echo "Some answers failed (see 'failed'): these figures do not measure the page." >&2
exit "$status"
