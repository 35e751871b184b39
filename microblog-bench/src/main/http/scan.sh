#!/usr/bin/env bash
# Scans a Microblog running on this machine with sqlmap and wapiti (Debian packages, installed when missing
# if run as root). Loopback only: the script refuses any other address, leaves out wapiti's modules that talk
# to hosts of their own (ssrf asks an outside host for its results, wapp downloads its definitions) or only
# brute-force (buster, nikto, brute_login_form), and points wapiti's out-of-band endpoint (which xxe also asks)
# at a closed port of this machine. See docs/benchmarks.md for the findings.
#
#   microblog-bench/src/main/http/scan.sh [--base http://127.0.0.1:8080] [--out DIR] [--user NAME --password PW]
#                                      [--tools sqlmap,wapiti]
#
# With --user, both tools also get the cookies of that user's sign-in (the signed-in pages and forms).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=http://127.0.0.1:8080 out=microblog-bench/target/scan user="" password="" tools=sqlmap,wapiti
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --user) user=$2; shift 2 ;;
        --password) password=$2; shift 2 ;;
        --tools) tools=$2; shift 2 ;;
        *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
base=${base%/}
[[ "$base" =~ ^http://(127\.[0-9.]+|localhost)(:[0-9]+)?$ ]] || { echo "loopback only, not $base" >&2; exit 2; }
for tool in sqlmap wapiti; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if ! { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap wapiti >&2; }; then
            echo "Install the Debian packages sqlmap and wapiti." >&2
            exit 2
        fi
    fi
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cookie=""
if [ -n "$user" ]; then
    jar="$work/jar"
    curl -sS -c "$jar" -b "$jar" -o "$work/login.html" "$base/login"
    body=$(python3 "$here/form-body.py" login "login:username=$user" "login:password=$password" \
        "login:submit=login:submit" <"$work/login.html")
    curl -sS -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary "$body" "$base/login"
    cookie=$(awk -F'\t' '{ sub(/^#HttpOnly_/, "") } /^#/ || NF < 7 { next } { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
    echo "Signed in as $user"
fi

if [[ ",$tools," == *,sqlmap,* ]]; then
    echo "== sqlmap: every form and parameter found by crawling $base (crawl depth 2, level 1, risk 1)"
    sqlmap -u "$base/" --crawl=2 --forms --batch --level=1 --risk=1 --threads=2 --random-agent \
        ${cookie:+--cookie="$cookie"} --output-dir="$out/sqlmap" 2>&1 | tee "$out/sqlmap.log" \
        | grep -E "vulnerable|injectable|not injectable|all tested parameters|CRITICAL|WARNING.*(heuristic|parameter)" || true
fi

if [[ ",$tools," == *,wapiti,* ]]; then
    echo "== wapiti"
    modules=backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss,xxe
    # Every generated user's profile is a page: a bounded crawl (depth 3, 30 links a page), a minute per module.
    wapiti -u "$base/" --scope folder -m "$modules" --flush-session -d 3 --max-links-per-page 30 \
        --max-scan-time 300 --max-attack-time 60 \
        --external-endpoint http://127.0.0.1:9/ --internal-endpoint http://127.0.0.1:9/ \
        ${cookie:+--header "Cookie: $cookie"} -f txt -o "$out/wapiti.txt" 2>&1 | tail -20 | tee "$out/wapiti.log"
fi
echo
echo "Reports: $out/sqlmap.log, $out/sqlmap/, $out/wapiti.txt"
