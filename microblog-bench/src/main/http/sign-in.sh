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
