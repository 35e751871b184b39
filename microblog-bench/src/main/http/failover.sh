#!/usr/bin/env bash
# What a kill -9 of one instance costs, measured through HAProxy (a benchmark, not a test; see
# docs/benchmarks.md). Only for a cluster started by ./microblog cluster on the generated data set.
#
#   microblog-bench/src/main/http/failover.sh [--base URL] [--dir DIR] [--database DB] [--clients N]
#                                          [--duration S] [--kill-after S]
#
#   --base URL      the balancer, default http://127.0.0.1:8080
#   --dir DIR       the cluster's run folder (pid files), default data/cluster
#   --database DB   its PostgreSQL database, to count the posts, default microblog
#   --clients N     signed-in users (user1, user1001, ...), default 8
#   --duration S    seconds of traffic, default 30; --kill-after S: when the instance dies, default 10
#
# Each client, in a loop: GET its home page (an answer counts only if it is a 200 with the sign-out form),
# and every fourth time publishes a post from that page's form. After --kill-after seconds the instance that
# serves client 1 is killed with SIGKILL. At the end: every request's outcome and latency before and after the
# kill, and whether each acknowledged post (a redirect after the POST) is in the database exactly once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=http://127.0.0.1:8080 dir=data/cluster database=microblog clients=8 duration=30 kill_after=10
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --clients) clients=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --kill-after) kill_after=$2; shift 2 ;;
        *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
base=${base%/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=microblog-bench/src/main/http/sign-in.sh
source "$here/sign-in.sh"
run=$(date +%s)

now_ms() { date +%s%3N; }

# client N: one line per request, "start_ms method status seconds served_by ok"
client() {
    local n=$1 jar="$work/jar-$1" page="$work/page-$1.html" end=$2 i=0 out="$work/requests-$1"
    local curl=(curl -sS --interface "$(client_address "$n")" -b "$jar" -c "$jar" --max-time 30)
    while [ "$(now_ms)" -lt "$end" ]; do
        local start result ok=no
        start=$(now_ms)
        result=$("${curl[@]}" -o "$page" -w '%{http_code} %{time_total} %header{x-served-by}' "$base/" || echo "000 0 -")
        grep -q 'id="signOut"' "$page" && ok=yes
        echo "$start GET $result $ok" >>"$out"
        i=$((i + 1))
        if [ "$ok" = yes ] && (( i % 4 == 0 )); then
            local text="failover $run user$n #$i" body
            body=$(python3 "$here/form-body.py" post "post:body=$text" "post:submit=post:submit" <"$page")
            start=$(now_ms)
            result=$("${curl[@]}" -o /dev/null -w '%{http_code} %{time_total} %header{x-served-by}' \
                -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$base/" \
                || echo "000 0 -")
            [ "${result%% *}" = 302 ] && echo "$text" >>"$work/acknowledged" || echo "$text" >>"$work/unanswered"
            echo "$start POST $result -" >>"$out"
        fi
    done
}

echo "Signing in $clients users at $base ..."
for c in $(seq 1 "$clients"); do
    sign_in $(( 1 + (c - 1) * 1000 )) >/dev/null
done
: >"$work/acknowledged"
: >"$work/unanswered"
end=$(( $(now_ms) + duration * 1000 ))
for c in $(seq 1 "$clients"); do client $(( 1 + (c - 1) * 1000 )) "$end" & done

sleep "$kill_after"
victim=$(curl -sS --interface "$(client_address 1)" -b "$work/jar-1" -o /dev/null -w '%header{x-served-by}' "$base/")
killed_at=$(now_ms)
kill -9 "$(cat "$dir/$victim.pid")"
echo "Killed $victim (pid $(cat "$dir/$victim.pid")) after ${kill_after} s"
wait

cat "$work"/requests-* | sort -n >"$work/all"
summary() {
    awk -v from="$1" -v to="$2" -v label="$3" '
        $1 >= from && $1 < to {
            n[$2]++; ms = $4 * 1000; t[$2, n[$2]] = ms; if (ms > max[$2]) max[$2] = ms
            bad = ($2 == "GET" && ($3 != 200 || $6 != "yes")) || ($2 == "POST" && $3 != 302)
            if (bad) { failed[$2]++; codes[$2] = codes[$2] " " $3 }
        }
        END {
            for (m in n) {
                # p99 by sorting the latencies of this method
                k = n[m]; for (i = 1; i <= k; i++) a[i] = t[m, i]
                for (i = 2; i <= k; i++) { v = a[i]; j = i - 1; while (j > 0 && a[j] > v) { a[j + 1] = a[j]; j-- } a[j + 1] = v }
                p99 = a[int((k - 1) * 0.99) + 1]; p50 = a[int((k - 1) * 0.5) + 1]
                printf "| %s | %s | %d | %d%s | %.0f ms | %.0f ms | %.0f ms |\n", label, m, k, failed[m], \
                    (failed[m] ? " (" substr(codes[m], 2) ")" : ""), p50, p99, max[m]
            }
        }' "$work/all"
}
echo
echo "| phase | method | requests | failed | median | p99 | max |"
echo "|---|---|---:|---:|---:|---:|---:|"
summary 0 "$killed_at" "before the kill"
summary "$killed_at" $(( killed_at + 5000 )) "first 5 s after"
summary $(( killed_at + 5000 )) 99999999999999 "after that"
first_after=$(awk -v k="$killed_at" '$1 >= k && $2 == "GET" { print $1 - k " ms after the kill, " $4 * 1000 " ms, by " $5; exit }' "$work/all")
echo
echo "First page read after the kill: started $first_after"

acknowledged=$(grep -c . "$work/acknowledged" || true)
psql -X -q -At -h 127.0.0.1 -U postgres -d "$database" \
    -c "SELECT body, count(*) FROM posts WHERE body LIKE 'failover $run %' GROUP BY body" >"$work/stored"
missing=$(grep -v -x -F -f <(cut -d'|' -f1 "$work/stored") "$work/acknowledged" | grep -c . || true)
twice=$(awk -F'|' '$2 > 1' "$work/stored" | grep -c . || true)
unanswered_stored=$(grep -x -F -f "$work/unanswered" <(cut -d'|' -f1 "$work/stored") | grep -c . || true)
echo "Posts acknowledged: $acknowledged; missing from the database: $missing; stored twice: $twice"
echo "Posts without an answer: $(grep -c . "$work/unanswered" || true), of which stored: $unanswered_stored"
[ "$missing" -eq 0 ] && [ "$twice" -eq 0 ]
