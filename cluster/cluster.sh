#!/usr/bin/env bash
# Production mode on one machine: PostgreSQL, several Payara Micro instances sharing sessions through Payara's
# data grid, and HAProxy in front. Run it through ./microblog, which finds the JDK:
#
#   ./microblog cluster start [options]    create the database and role if missing, build, start the instances
#                                          and HAProxy; returns when every instance is ready. Once running, it
#                                          starts only what is not (an instance that died)
#   ./microblog cluster stop [--dir DIR]   stop HAProxy and the instances
#   ./microblog cluster restart [--dir DIR]
#                                          rolling restart, one instance at a time, with no request refused;
#                                          interrupted, it puts the instance it was restarting back in rotation
#   ./microblog cluster status [--dir DIR] what runs, and what HAProxy thinks of each instance
#   ./microblog cluster jar [--dir DIR]    only build the runnable jar, DIR/microblog.jar, and its JVM options,
#                                          DIR/jvm.options (to copy to machines)
#
# Options of start:
#   --port N        the port people connect to (default 8080); instance i listens on N+i
#   --instances N   how many instances (default 3)
#   --grid-port N   the data grid's first port (default 6900); instance i uses N+i-1
#   --database NAME the PostgreSQL database (default microblog); the role is always microblog
#   --dir DIR       the run folder: jar, logs, pid files, secret (default data/cluster)
#   --no-build      (./microblog's) use the WAR already built in microblog-web/target
#
# The instances and HAProxy run in sessions of their own: a Ctrl-C or a timeout around a command never stops them.
# Their logs are DIR/i1.log... and DIR/haproxy.log; each start keeps the previous ones as .1 to .5.
#
# The database server is given by the libpq variables PGHOST and PGPORT (default 127.0.0.1:5432); PGUSER
# (default postgres) is the account that creates the database and the role. The role's password comes from
# MICROBLOG_DATASOURCE_PASSWORD if set; otherwise from DIR/secrets/microblog.datasource.password, created at
# random on the first start. It never appears on a command line: Payara Micro reads DIR/secrets (--secretsdir)
# through MicroProfile Config, or the instances inherit the environment variable.
#
# Once the database exists, PostgreSQL may be down when an instance starts (a restart of the machine, a start
# after a crash): the instance then waits for PostgreSQL to answer before it starts Payara, and HAProxy answers
# our 503 page until one is ready. It waits outside Payara because Payara's JPA deployer connects to the
# database while deploying, and a deployment that fails there stays failed until the instance is restarted.
set -euo pipefail
cd "$(dirname "$0")/.."

port=8080
instances=3
grid_port=6900
database=microblog
dir=data/cluster
pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
pg_admin=${PGUSER:-postgres}

fail() { echo "microblog cluster: $*" >&2; exit 1; }
say() { echo "microblog cluster: $*"; }

command=${1:-}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port=$2; shift 2 ;;
        --instances) instances=$2; shift 2 ;;
        --grid-port) grid_port=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        *) fail "unknown option $1 (see ./microblog cluster help)" ;;
    esac
done
for number in "$port" "$instances" "$grid_port"; do
    [[ "$number" =~ ^[0-9]+$ ]] || fail "not a number: $number"
done
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "a database name is lower-case letters, digits and _: $database"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# What the first start was given, for the commands that come after it (and a start of a running cluster).
if [ "$command" = start ] && ! { [ -f "$dir/haproxy.pid" ] && kill -0 "$(cat "$dir/haproxy.pid")" 2>/dev/null; }; then
    declare -p port instances grid_port database pg_host pg_port >"$dir/settings"
elif [ -f "$dir/settings" ]; then
    # shellcheck source=/dev/null # written just above by a first start
    source "$dir/settings"
fi

instance_port() { echo $((port + $1)); }
# The pid of a running process of ours (i1, haproxy...); a killed one that nobody has reaped yet is not running.
pid_of() {
    local pid
    pid=$(cat "$dir/$1.pid" 2>/dev/null) && [ -n "$pid" ] || return 1
    local state
    state=$(ps -o stat= -p "$pid" 2>/dev/null) && [ "${state:0:1}" != Z ] && echo "$pid"
}
running_instances() {
    local file
    for file in "$dir"/i[0-9]*.pid; do
        if [ -e "$file" ]; then basename "$file" .pid; fi
    done | sort -V
}

# HAProxy from Debian's package (and socat, to talk to its runtime API), installed when missing if we are root.
ensure_haproxy() {
    command -v haproxy >/dev/null 2>&1 && command -v socat >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing HAProxy (Debian packages haproxy, socat)..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy socat >/dev/null \
            && return 0
    fi
    fail "production mode needs HAProxy: install the Debian packages haproxy and socat (as root)"
}

haproxy_api() { echo "$1" | socat stdio "unix-connect:$dir/haproxy.sock"; }

# Waits (at most 10 s) until a HAProxy just started answers on its runtime API.
await_haproxy_api() {
    local waited=0
    until haproxy_api "show info" >/dev/null 2>&1; do
        [ $waited -lt 20 ] || fail "HAProxy does not answer on $dir/haproxy.sock: $dir/haproxy.log"
        sleep 0.5
        waited=$((waited + 1))
    done
}

# Out of HAProxy's maintenance state (a no-op for an instance that is not in it).
put_in_rotation() { haproxy_api "set server instances/$1 state ready" >/dev/null; }

# The state HAProxy gives an instance: UP, DOWN, MAINT, "UP 1/2" while it counts checks...
haproxy_state() {
    haproxy_api "show stat" | awk -F, -v server="$1" '$1 == "instances" && $2 == server { print $18 }'
}

password() {
    if [ -n "${MICROBLOG_DATASOURCE_PASSWORD:-}" ]; then
        printf '%s' "$MICROBLOG_DATASOURCE_PASSWORD"
        return
    fi
    local file="$dir/secrets/microblog.datasource.password"
    if [ ! -s "$file" ]; then
        mkdir -p "$dir/secrets"
        chmod 700 "$dir/secrets"
        (umask 077 && tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 >"$file")
    fi
    cat "$file"
}

# psql as the administrator (PGUSER), on the database postgres.
admin_psql() {
    command -v psql >/dev/null 2>&1 || fail "production mode needs psql (Debian package postgresql-client)"
    psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_admin" -d postgres "$@"
}

postgresql_answers() { admin_psql -c 'SELECT 1' >/dev/null 2>&1; }

# The role microblog with the current password, and the database owned by it. The SQL goes through standard
# input, so that the password is not on psql's command line.
ensure_database() {
    local quoted
    quoted=$(password | sed "s/'/''/g")
    if [ -z "$(admin_psql -Atc "SELECT 1 FROM pg_roles WHERE rolname = 'microblog'")" ]; then
        say "creating the PostgreSQL role microblog"
        admin_psql <<<"CREATE ROLE microblog LOGIN PASSWORD '$quoted'"
    else
        admin_psql <<<"ALTER ROLE microblog PASSWORD '$quoted'"
    fi
    if [ -z "$(admin_psql -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
        say "creating the PostgreSQL database $database"
        admin_psql -c "CREATE DATABASE $database OWNER microblog"
    fi
    echo "$pg_host:$pg_port/$database" >"$dir/database-created"
}

# One runnable jar: Payara Micro with the WAR that ./microblog built inside (--outputuberjar), rebuilt when the
# WAR is newer.
build_jar() {
    [ -f microblog-web/target/microblog.war ] || fail "no microblog-web/target/microblog.war: build first"
    if [ ! -f "$dir/microblog.jar" ] || [ microblog-web/target/microblog.war -nt "$dir/microblog.jar" ]; then
        # Inside an uber jar Payara Micro deploys at the WAR's name whatever --contextroot says: ROOT is "/".
        cp microblog-web/target/microblog.war "$dir/ROOT.war"
        java -jar microblog-web/target/payara-micro.jar --deploy "$dir/ROOT.war" \
            --outputuberjar "$dir/microblog.jar" >"$dir/build-jar.log" 2>&1 \
            || fail "building the runnable jar failed: $dir/build-jar.log"
        rm "$dir/ROOT.war"
    fi
    # The JVM options go with the jar (./microblog cluster jar copies both to other machines).
    cp microblog-web/src/main/payara/jvm.options "$dir/jvm.options"
}

# A process that starts again keeps the logs of its previous runs: FILE.1 is the one before, up to FILE.5 (the
# log of an instance that crashed must still be there once it is brought back).
rotate_log() {
    local file=$1 n
    [ -s "$file" ] || return 0
    for n in 4 3 2 1; do
        if [ -f "$file.$n" ]; then mv -f "$file.$n" "$file.$((n + 1))"; fi
    done
    mv -f "$file" "$file.1"
}

grid_members() {
    local i members=""
    for i in $(seq 1 "$instances"); do members+="${members:+,}127.0.0.1:$((grid_port + i - 1))"; done
    echo "$members"
}

# Instance i: its own HTTP port and data grid port, all bound to 127.0.0.1. Sessions are replicated (the
# web container's availability stays on), with backups on another instance even on this one host
# (--nohostaware). A SIGTERM stops an instance gracefully (GracefulShutdown in the application): out of
# rotation, its requests finished, then Payara stops the application and after it the data grid, which hands
# the instance's share of the sessions to the others first. Hazelcast's own shutdown hook is off: the JVM runs
# hooks all at once, and it would stop the grid while the application still saves sessions into it.
# While PostgreSQL does not answer, the instance's process is a shell waiting for it; it becomes Payara (exec,
# same pid) once PostgreSQL answers. It runs in a session of its own (setsid): a Ctrl-C, a lost terminal or a
# `timeout` around this script signals the script's process group, and must not stop the instances with it.
start_instance() {
    local name=$1 i=${1#i} secrets=()
    [ -z "${MICROBLOG_DATASOURCE_PASSWORD:-}" ] && secrets=(--secretsdir "$dir/secrets")
    rotate_log "$dir/$name.log"
    # shellcheck disable=SC2016 # expanded by the waiting shell
    setsid bash -c 'pg_isready -q -h "$1" -p "$2" || echo "waiting for PostgreSQL at $1:$2"
        until pg_isready -q -h "$1" -p "$2"; do sleep 2; done
        shift 2
        exec "$@"' wait-for-postgresql "$pg_host" "$pg_port" \
        java "@$dir/jvm.options" \
        -Dhazelcast.socket.bind.any=false -Dhazelcast.shutdownhook.enabled=false \
        -Dmicroblog.datasource.class=org.postgresql.ds.PGSimpleDataSource \
        "-Dmicroblog.datasource.url=jdbc:postgresql://$pg_host:$pg_port/$database" \
        "-Dmicroblog.datasource.database=$database" \
        -Dmicroblog.datasource.user=microblog \
        -Dmicroblog.proxy.trusted-addresses=127.0.0.1 \
        -jar "$dir/microblog.jar" \
        --name "$name" --port "$(instance_port "$i")" --nohostaware \
        --clustername microblog --clustermode "tcpip:$(grid_members)" --interfaces 127.0.0.1 \
        --startport $((grid_port + i - 1)) --disablephonehome --prebootcommandfile cluster/instance.asadmin \
        --logproperties microblog-web/src/main/payara/logging.properties \
        "${secrets[@]}" \
        </dev/null >"$dir/$name.log" 2>&1 &
    echo $! >"$dir/$name.pid"
}

# Waits until the instance's own readiness check is UP (database reachable, migrations done).
await_ready() {
    local name=$1 i=${1#i} waited=0
    until curl -sf "http://127.0.0.1:$(instance_port "$i")/health/ready" 2>/dev/null | grep -q microblog-database; do
        [ -n "$(pid_of "$name")" ] || { tail -30 "$dir/$name.log" >&2; fail "$name stopped: $dir/$name.log"; }
        [ $waited -lt 300 ] || fail "$name was not ready after 300 s: $dir/$name.log"
        sleep 1
        waited=$((waited + 1))
    done
}

# Waits until the instance has no request in progress through HAProxy (at most 10 s).
await_drained() {
    local name=$1 waited=0
    while [ "$(haproxy_api "show stat" | awk -F, -v server="$name" '$1 == "instances" && $2 == server { print $5 }')" != 0 ] \
        && [ $waited -lt 20 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
}

# Waits until HAProxy's checks see the instance UP (or, with "not", no longer UP).
await_haproxy() {
    local name=$1 want=$2 waited=0
    while :; do
        local state
        state=$(haproxy_state "$name")
        if [ "$want" = UP ] && [ "$state" = UP ]; then return; fi
        if [ "$want" = not-UP ] && [ "$state" != UP ]; then return; fi
        [ $waited -lt 60 ] || fail "HAProxy still sees $name as $state after 60 s"
        sleep 0.5
        waited=$((waited + 1))
    done
}

# A SIGTERM: the instance leaves rotation, finishes its requests and stops (at most 30 s of waiting for its
# requests, then Payara's own shutdown; how long that takes: docs/operations.md, "Stopping an instance"); after
# 90 s it is killed.
stop_instance() {
    local name=$1 pid waited=0
    pid=$(pid_of "$name") || { rm -f "$dir/$name.pid"; return 0; }
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        [ $waited -lt 180 ] || { kill -KILL "$pid"; break; }
        sleep 0.5
        waited=$((waited + 1))
    done
    rm -f "$dir/$name.pid"
}

start_haproxy() {
    { cat cluster/haproxy.cfg
      for i in $(seq 1 "$instances"); do echo "    server i$i 127.0.0.1:$(instance_port "$i")"; done
    } >"$dir/haproxy.cfg"
    export MICROBLOG_PORT=$port MICROBLOG_RUN=$dir MICROBLOG_ERRORS=$PWD/cluster/errors
    haproxy -c -q -f "$dir/haproxy.cfg" || fail "HAProxy refuses $dir/haproxy.cfg"
    rotate_log "$dir/haproxy.log"
    setsid haproxy -db -f "$dir/haproxy.cfg" </dev/null >"$dir/haproxy.log" 2>&1 &
    echo $! >"$dir/haproxy.pid"
}

case "$command" in
    start)
        # Starts what is not running: everything the first time, an instance that died after that.
        ensure_haproxy
        # The first start needs PostgreSQL; after that (DIR/database-created), instances can wait for it.
        database_answers=true
        if postgresql_answers; then
            ensure_database
        elif [ "$(cat "$dir/database-created" 2>/dev/null)" = "$pg_host:$pg_port/$database" ]; then
            say "PostgreSQL at $pg_host:$pg_port does not answer: instances wait for it (HAProxy answers 503 meanwhile)"
            database_answers=false
        else
            fail "cannot reach PostgreSQL at $pg_host:$pg_port as $pg_admin (set PGHOST, PGPORT, PGUSER)"
        fi
        build_jar
        for i in $(seq 1 "$instances"); do [ -n "$(pid_of "i$i")" ] || start_instance "i$i"; done
        [ -n "$(pid_of haproxy)" ] || start_haproxy
        # A rolling restart that was interrupted (killed, its terminal lost) may have left an instance in HAProxy's
        # maintenance state: back in rotation. HAProxy's readiness checks still decide when it gets requests.
        await_haproxy_api
        for i in $(seq 1 "$instances"); do put_in_rotation "i$i"; done
        if [ $database_answers = false ]; then
            say "started; the instances start when PostgreSQL answers (see ./microblog cluster status)"
            exit 0
        fi
        say "starting (logs in $dir)..."
        for i in $(seq 1 "$instances"); do await_ready "i$i"; done
        for i in $(seq 1 "$instances"); do await_haproxy "i$i" UP; done
        say "ready on http://localhost:$port/ ($instances instances, database $database)"
        ;;
    stop)
        for name in haproxy $(running_instances); do
            pid=$(pid_of "$name") && kill -TERM "$pid"
        done
        for name in $(running_instances); do stop_instance "$name"; done
        rm -f "$dir/haproxy.pid"
        say "stopped"
        ;;
    restart)
        [ -n "$(pid_of haproxy)" ] || fail "not running in $dir"
        # One at a time: HAProxy stops sending it requests and lets the running ones finish, then it stops
        # (its sessions stay in the grid), starts, becomes ready, and HAProxy takes it back. Interrupted (Ctrl-C,
        # SIGTERM, a lost terminal) or failed, it puts the instance it was restarting back in rotation before it
        # exits: HAProxy's checks send it requests once it is ready (./microblog cluster start starts it if it
        # was stopped). The instances run in sessions of their own and carry on.
        in_maintenance=""
        trap '[ -z "$in_maintenance" ] || put_in_rotation "$in_maintenance" || true' EXIT
        trap 'say "interrupted${in_maintenance:+: $in_maintenance back in rotation once ready}"; exit 130' INT
        trap 'say "interrupted${in_maintenance:+: $in_maintenance back in rotation once ready}"; exit 143' TERM HUP
        for name in $(running_instances); do
            say "restarting $name"
            in_maintenance=$name
            haproxy_api "set server instances/$name state maint" >/dev/null
            await_drained "$name"
            stop_instance "$name"
            start_instance "$name"
            await_ready "$name"
            put_in_rotation "$name"
            in_maintenance=""
            await_haproxy "$name" UP
        done
        say "restarted"
        ;;
    jar)
        build_jar
        say "$dir/microblog.jar, run with: java @$dir/jvm.options -jar $dir/microblog.jar"
        ;;
    status)
        if [ -z "$(pid_of haproxy)" ]; then
            say "not running in $dir"
            exit 3
        fi
        for name in $(running_instances); do
            pid=$(pid_of "$name") || pid='(stopped)'
            [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = bash ] && pid+=' (waiting for PostgreSQL)'
            echo "$name  pid $pid  HAProxy: $(haproxy_state "$name")"
        done
        ;;
    *)
        sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
