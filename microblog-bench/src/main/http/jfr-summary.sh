#!/usr/bin/env bash
# Where the server's request threads spend their CPU in a JFR recording (from home-timeline.sh --jfr, or any
# recording with jdk.ExecutionSample events, e.g. settings=profile).
#
#   microblog-bench/src/main/http/jfr-summary.sh RECORDING.jfr [THREAD_REGEX]
#
# THREAD_REGEX selects the sampled threads (default: Payara's HTTP request threads, "http-thread-pool").
# Prints, as percentages of those threads' execution samples:
#   - areas: each sample goes to the first area any frame of its stack belongs to, in the order listed
#     (session store, Derby, EclipseLink, Faces state saving, Facelets compilation, view build, rendering,
#     ...), so that a Derby
#     call made while rendering counts as Derby; the stacks need to be deep enough (start the server with
#     -XX:FlightRecorderOptions:stackdepth=256, JFR's default is 64 frames; truncated stacks are counted);
#   - the hottest packages and methods by self time (the top frame);
#   - then JDK 25's own `jfr view hot-methods` (all threads), when the jfr tool has it.
# Uses the jfr tool of JAVA_HOME, else the newest JDK under /usr/lib/jvm that has one.
set -euo pipefail
recording=${1:?usage: jfr-summary.sh RECORDING.jfr [THREAD_REGEX]}
threads=${2:-http-thread-pool}
jfr=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jfr" ]; then
    jfr=$JAVA_HOME/bin/jfr
else
    jfr=$(printf '%s\n' /usr/lib/jvm/*/bin/jfr | grep -v '\*' | sort -V | tail -1)
fi
[ -n "$jfr" ] || { echo "no jfr tool found (set JAVA_HOME to a JDK)" >&2; exit 2; }

"$jfr" print --events jdk.ExecutionSample --stack-depth 512 "$recording" | awk -v threads="$threads" '
BEGIN {
    # area name, then a regular expression over "package.Class.method" of any frame; first match wins
    n = 0
    area[++n] = "session store: (de)serialization, Hazelcast, Payara session persistence"
    rx[n] = "^java\\.io\\.Object(Output|Input)Stream|^com\\.hazelcast\\.|^fish\\.payara\\..*[Ss]ession|^org\\.apache\\.catalina\\.session\\.|^com\\.sun\\.enterprise\\.web\\..*[Ss]ession|^org\\.glassfish\\.web\\.ha\\.|^org\\.glassfish\\.ha\\.|^fish\\.payara\\.nucleus\\.store"
    area[++n] = "password hashing (PBKDF2)";            rx[n] = "Pbkdf2|PBKDF2|^com\\.sun\\.crypto\\.provider\\.HmacCore"
    area[++n] = "Derby";                                rx[n] = "^org\\.apache\\.derby\\."
    area[++n] = "EclipseLink (JPA)";                    rx[n] = "^org\\.eclipse\\.persistence\\."
    area[++n] = "Faces: state saving (views in the session)"
    rx[n] = "^com\\.sun\\.faces\\.(renderkit\\.ServerSideStateHelper|application\\.StateManagerImpl|application\\.view\\.FaceletPartialStateManagementStrategy|application\\.view\\.StateHolderSaver)|\\.(saveState|saveView|writeState)$"
    area[++n] = "Faces: Facelets compilation (XML parsing of the .xhtml files)"
    rx[n] = "^com\\.sun\\.faces\\.facelets\\.impl\\.DefaultFaceletFactory\\.create|^com\\.sun\\.faces\\.facelets\\.compiler\\.(SAX)?Compiler\\."
    area[++n] = "Faces: restore view phase";            rx[n] = "\\.restoreView$|RestoreViewPhase"
    area[++n] = "Faces: view build (Facelets)";         rx[n] = "\\.buildView$|^com\\.sun\\.faces\\.facelets\\."
    area[++n] = "Faces: rendering (renderers, EL)";     rx[n] = "\\.renderView$|RenderResponsePhase|\\.encode(All|Begin|Children|End)$"
    area[++n] = "Faces: other phases";                  rx[n] = "^com\\.sun\\.faces\\.|^jakarta\\.faces\\.|^org\\.primefaces\\.|^org\\.omnifaces\\."
    area[++n] = "Weld (CDI)";                           rx[n] = "^org\\.jboss\\.weld\\."
    area[++n] = "security (Soteria, Exousia, authentication)"; rx[n] = "^org\\.glassfish\\.soteria\\.|^org\\.glassfish\\.exousia\\.|^com\\.sun\\.enterprise\\.security\\."
    area[++n] = "HTTP (Grizzly, servlet container)";   rx[n] = "^org\\.glassfish\\.grizzly\\.|^org\\.apache\\.catalina\\.|^org\\.apache\\.coyote\\."
    areas = n
}
/^jdk\.ExecutionSample/ { inevent = 1; thread = ""; depth = 0; truncated = 0; next }
inevent && /^[ ]*sampledThread = / { thread = $0; next }
inevent && /^[ ]*stackTrace = \[/ { instack = 1; next }
instack && /^[ ]*\]/ { instack = 0; next }
instack && /^[ ]*\.\.\./ { truncated = 1; next }
instack {
    f = $0; sub(/^[ ]+/, "", f); sub(/\(.*/, "", f)
    frame[++depth] = f
    next
}
inevent && /^}/ {
    inevent = 0
    if (thread !~ threads || depth == 0) next
    total++
    if (truncated) cut++
    top = frame[1]; self[top]++
    pkg = top; sub(/\.[^.]*\.[^.]*$/, "", pkg); pself[pkg]++
    hit = "other (JDK, Payara, application)"
    for (a = 1; a <= areas && hit ~ /^other/; a++)
        for (d = 1; d <= depth; d++) if (frame[d] ~ rx[a]) { hit = area[a]; break }
    inarea[hit]++
}
END {
    if (!total) { print "no execution samples of threads matching /" threads "/"; exit }
    printf "%d execution samples of threads /%s/ (%d with stacks cut at the recording'"'"'s stack depth)\n", total, threads, cut
    print "\nareas (each sample once, first area in this order whose frame is on its stack):"
    for (a = 1; a <= areas; a++) if (inarea[area[a]]) printf "  %5.1f %%  %s\n", 100 * inarea[area[a]] / total, area[a]
    o = "other (JDK, Payara, application)"
    if (inarea[o]) printf "  %5.1f %%  %s\n", 100 * inarea[o] / total, o
    print "\nhottest packages, self time (top frame):"
    for (p in pself) printf "  %5.1f %%  %s\n", 100 * pself[p] / total, p | "sort -rn | head -15"
    close("sort -rn | head -15")
    print "\nhottest methods, self time (top frame):"
    for (m in self) printf "  %5.1f %%  %s\n", 100 * self[m] / total, m | "sort -rn | head -20"
    close("sort -rn | head -20")
}'
if "$jfr" view hot-methods "$recording" > /dev/null 2>&1; then
    echo
    "$jfr" view --width 140 hot-methods "$recording"
fi
