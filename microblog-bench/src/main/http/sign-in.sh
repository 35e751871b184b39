# shellcheck shell=bash
# shellcheck disable=SC2154 # base, work and here are set by the script that sources this one
# Signing in generated users for the HTTP load scripts (sourced; uses $base, $work and $here).

# Each user comes from an address of their own on the loopback network (127.1.x.y), as different people
# would: the sign-in throttle allows 25 attempts per address in 5 minutes.
client_address() { echo "127.1.$(( $1 / 250 % 250 )).$(( $1 % 250 + 1 ))"; }

# The Cookie header a browser would send after this jar's cookies were set: every cookie, one header.
# curl's jar: tab-separated domain, subdomains, path, secure, expiry, name, value; HttpOnly cookies are
# written as "#HttpOnly_domain" lines, every other "#" line is a comment.
cookie_header() {
    awk -F'\t' '{ sub(/^#HttpOnly_/, "") } /^#/ || NF < 7 { next } { printf "%s%s=%s", sep, $6, $7; sep = "; " }
                END { print "" }' "$1"
}

# Signs in user$1 through the sign-in form: GET /login, then POST every field of the form with id "login"
# (form-body.py: hidden fields whatever their names, the PrimeFaces CSP nonce) with the user name, password
# and the clicked button. Checks that the cookies give the signed-in home page; prints one tab-separated line:
# the user name, the path of the home page's "Older posts" link (- if it has none) and the Cookie header.
sign_in() {
    local n=$1 jar="$work/jar-$1" body header older
    local curl=(curl -sS --interface "$(client_address "$n")")
    "${curl[@]}" -c "$jar" -b "$jar" -f -o "$work/login-$n.html" "$base/login"
    body=$(python3 "$here/form-body.py" login "login:username=user$n" "login:password=microblog-bench" \
        "login:submit=login:submit" < "$work/login-$n.html")
    "${curl[@]}" -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$base/login"
    header=$(cookie_header "$jar")
    if [ "$("${curl[@]}" -o "$work/home-$n.html" -w '%{http_code}' -H "Cookie: $header" "$base/")" != 200 ] \
        || ! grep -q 'id="signOut"' "$work/home-$n.html"; then
        echo "user$n: the sign-in did not give a signed-in home page (cookies: ${header:-none})" >&2
        return 1
    fi
    older=$(grep -o 'class="older" href="[^"]*"' "$work/home-$n.html" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g' || true)
    printf 'user%s\t%s\t%s\n' "$n" "${older:--}" "$header"
}

# Registers an app for the API benchmark (POST /api/v1/apps); prints its client id and secret, tab-separated.
register_app() {
    curl -sS -f -H 'Content-Type: application/json' \
        -d '{"client_name":"Microblog benchmark","redirect_uris":"https://bench.example/callback","scopes":"read"}' \
        "$base/api/v1/apps" | python3 -c 'import json, sys; a = json.load(sys.stdin); print(a["client_id"] + "\t" + a["client_secret"])'
}

# After sign_in $1: user$1 authorizes the app ($2 client id, $3 secret) on the consent page, as a person in a
# browser would (GET /authorize, POST its form with Authorize), and the app exchanges the code for a token. Prints
# one tab-separated line: the user name, the id of the newest post on their signed-in home page (the one the API's
# home timeline must begin with; - if none) and the Authorization header.
api_token() {
    local n=$1 id=$2 secret=$3 jar="$work/jar-$1" callback=https://bench.example/callback body action location code token first
    local curl=(curl -sS --interface "$(client_address "$n")")
    "${curl[@]}" -b "$jar" -c "$jar" -f -o "$work/consent-$n.html" \
        "$base/authorize?client_id=$id&redirect_uri=$callback&response_type=code&scope=read"
    body=$(python3 "$here/form-body.py" authorize "authorize:allow=authorize:allow" < "$work/consent-$n.html")
    action=$(grep -o '<form id="authorize"[^>]*action="[^"]*"' "$work/consent-$n.html" | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
    location=$("${curl[@]}" -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
        -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body" "$base${action:-/authorize}")
    code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<< "$location")
    [ -n "$code" ] || { echo "user$n: the consent page gave no code (answer: ${location:-none})" >&2; return 1; }
    token=$("${curl[@]}" -f -d grant_type=authorization_code -d "code=$code" -d "client_id=$id" \
        -d "client_secret=$secret" --data-urlencode "redirect_uri=$callback" "$base/oauth/token" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
    first=$(grep -o '<article class="post" id="post-[0-9]*"' "$work/home-$n.html" | head -1 | grep -o '[0-9]*"$' | tr -d '"' || true)
    printf 'user%s\t%s\tBearer %s\n' "$n" "${first:--}" "$token"
}
