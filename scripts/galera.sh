#!/usr/bin/env bash
# Spiegel on a three-node MariaDB Galera cluster, all on this machine (127.0.0.1), with checks and a small load.
#
#   scripts/galera.sh [--people 50] [--ramp 10] [--duration 30] [--think 5] [--jar PATH] [--one-app]
#
# What it does (every wait is bounded in count and time; it only stops processes it started):
#   1. uses the production jar (builds it with `./mvnw -Pproduction package -DskipTests` when --jar is not given and
#      target/spiegel-*.jar is missing);
#   2. installs Debian's mariadb-server and galera-4 with apt-get when missing;
#   3. starts three mariadbd nodes, each with its own configuration, data folder, socket and ports in a temporary work
#      folder, bound to 127.0.0.1: the first bootstraps the cluster (--wsrep-new-cluster), the other two join it and
#      receive its data by rsync (state snapshot transfer); then it creates the database and a user on node 1;
#   4. starts app node A (production jar, profile prod) against Galera node 1, which runs the Liquibase changelog,
#      then app node B against Galera node 2 (unless --one-app);
#   5. checks the schema as the cluster sees it, on node 3: every table has a primary key, every table is InnoDB;
#      and the changelog itself: no LOCK TABLES, no other storage engine;
#   6. runs the load client (scripts/load-test.sh's LoadClient) against app A and app B at the same time (half of the
#      people each), so two Galera nodes take writes at once;
#   7. checks that what was written through one node is on every node (row counts and CHECKSUM TABLE of the
#      dialogue tables on nodes 1, 2 and 3, read with wsrep_sync_wait so each node has applied everything first);
#   8. appends an audit entry on node 1 and checks that the audit trail's append-only triggers refuse UPDATE and
#      DELETE on node 2 and node 3 (and that the entry is unchanged everywhere);
#   9. shows what a lost certification conflict looks like to a client: the same row changed on node 1 and node 2
#      in overlapping transactions; the one that commits second gets ERROR 1213 (ER_LOCK_DEADLOCK), which Spring
#      translates to a PessimisticLockingFailureException, the exception Spiegel retries (see README);
#  10. prints a summary (PASS/FAIL per check) and `uptime`, and stops everything it started.
#
# Logs stay in the work folder it prints (/tmp/spiegel-galera.*). Ports from the environment: GALERA_SQL_PORT
# (34061; nodes use it, +1, +2), GALERA_GCOMM_PORT (34071; each node uses 10 ports from base+10*(n-1): group
# communication, IST, SST), APP_PORT (18091; app B uses +1).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

people=50 ramp=10 duration=30 think=5 jar="" two_apps=true
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2; shift 2 ;; --ramp) ramp=$2; shift 2 ;; --duration) duration=$2; shift 2 ;;
    --think) think=$2; shift 2 ;; --jar) jar=$2; shift 2 ;; --one-app) two_apps=false; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
sql_base=${GALERA_SQL_PORT:-34061} gcomm_base=${GALERA_GCOMM_PORT:-34071} app_port=${APP_PORT:-18091}
sql_port() { echo $(( sql_base + $1 - 1 )); }
gcomm_port() { echo $(( gcomm_base + 10 * ($1 - 1) )); }
for port in $(sql_port 1) $(sql_port 2) $(sql_port 3) $(gcomm_port 1) $(gcomm_port 2) $(gcomm_port 3) \
            $(( $(gcomm_port 1) + 1 )) $(( $(gcomm_port 2) + 1 )) $(( $(gcomm_port 3) + 1 )) \
            $(( $(gcomm_port 1) + 2 )) $(( $(gcomm_port 2) + 2 )) $(( $(gcomm_port 3) + 2 )) \
            "$app_port" $(( app_port + 1 )); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is in use; set GALERA_SQL_PORT, GALERA_GCOMM_PORT or APP_PORT" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/spiegel-galera.XXXXXX)
chmod 755 "$work"
echo "work folder: $work"
declare -A db_pid=()
app_a_pid="" app_b_pid=""
results=()
failed=0
check() { # name, then "pass" or "fail", then detail
  results+=("$(printf '%-4s  %s: %s' "$( [ "$2" = pass ] && echo PASS || echo FAIL)" "$1" "$3")")
  [ "$2" = pass ] || failed=1
}

stop() { # stop one process we started, politely first, bounded
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$app_b_pid"; stop "$app_a_pid"
  # the joiners first, the bootstrap node last: a clean leave of the whole cluster
  for n in 3 2 1; do stop "${db_pid[$n]:-}"; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# 1. the production jar
if [ -z "$jar" ]; then
  jar=$(ls target/spiegel-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
  if [ -z "$jar" ]; then
    ./mvnw -q -Pproduction package -DskipTests
    jar=$(ls target/spiegel-*.jar | grep -v plain | head -n 1)
  fi
fi
echo "jar: $jar"

# 2. packages
missing=()
command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || missing+=(mariadb-server)
[ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
command -v rsync >/dev/null || missing+=(rsync)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$work/apt.log"
fi

# 3. three Galera nodes
cluster="gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
for n in 1 2 3; do
  g=$(gcomm_port "$n")
  mkdir -p "$work/node$n"
  # the joiners' rsync daemon (state snapshot transfer) runs as nobody when started by root: let it write there
  chmod 777 "$work/node$n"
  cat >"$work/node$n.cnf" <<CNF
[mysqld]
datadir=$work/node$n
socket=$work/node$n.sock
pid-file=$work/node$n.pid
log-error=$work/node$n.err
port=$(sql_port "$n")
bind-address=127.0.0.1
user=$(id -un)
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
innodb_buffer_pool_size=128M
innodb_flush_log_at_trx_commit=2
# what Galera needs
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
# Galera logs every write as binary log events, and then MariaDB lets only SUPER create triggers (the audit trail's
# append-only triggers) unless this is on: the app's user needs no SUPER
log_bin_trust_function_creators=ON
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$g;ist.recv_addr=127.0.0.1:$(( g + 1 ));gcache.size=64M"
wsrep_cluster_name=spiegel-galera-test
wsrep_cluster_address=$cluster
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1
wsrep_node_incoming_address=127.0.0.1:$(sql_port "$n")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(( g + 2 ))
CNF
done
sql() { # node, then mariadb client arguments; statements on stdin or -e
  local n=$1; shift
  mariadb --defaults-file="$work/node$n.cnf" -S "$work/node$n.sock" -u root "$@"
}
status() { sql "$1" -N -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }
start_db() { # node, extra arguments
  local n=$1; shift
  mariadbd --defaults-file="$work/node$n.cnf" "$@" >"$work/node$n.out" 2>&1 &
  db_pid[$n]=$!
  for _ in $(seq 1 240); do
    [ "$(status "$n" wsrep_local_state_comment)" = Synced ] && [ "$(status "$n" wsrep_ready)" = ON ] && return 0
    kill -0 "${db_pid[$n]}" 2>/dev/null || { echo "Galera node $n stopped; see $work/node$n.err" >&2;
      tail -n 40 "$work/node$n.err" >&2; exit 1; }
    sleep 0.5
  done
  echo "Galera node $n not synced within 2 minutes; see $work/node$n.err" >&2
  tail -n 40 "$work/node$n.err" >&2
  exit 1
}
mariadb-install-db --defaults-file="$work/node1.cnf" --auth-root-authentication-method=socket --skip-test-db \
  >"$work/install.log" 2>&1
t0=$(date +%s)
start_db 1 --wsrep-new-cluster
start_db 2
start_db 3
size=$(status 1 wsrep_cluster_size)
echo "Galera cluster of $size nodes after $(( $(date +%s) - t0 )) s: MariaDB $(sql 1 -N -e 'SELECT VERSION()'), Galera $(status 1 wsrep_provider_version)"
[ "$size" = 3 ] && check "cluster" pass "3 nodes synced ($(sql 1 -N -e 'SELECT @@wsrep_provider'))" \
  || check "cluster" fail "wsrep_cluster_size=$size"

db_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
sql 1 <<SQL
CREATE DATABASE spiegel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'spiegel'@'127.0.0.1' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON spiegel.* TO 'spiegel'@'127.0.0.1';
SQL

# 4. the app against node 1 (migrations), a second app against node 2
crypto_key="k1:$(head -c 32 /dev/urandom | base64)"
start_app() { # name, app port, galera node
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$(sql_port "$3")/spiegel" \
  SPRING_DATASOURCE_USERNAME=spiegel SPRING_DATASOURCE_PASSWORD="$db_password" \
  SPIEGEL_CRYPTO_KEYS="$crypto_key" \
  SPIEGEL_PROXY_TRUSTEDADDRESSES=127.0.0.1 \
  SERVER_SERVLET_SESSION_COOKIE_SECURE=false \
    "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" --server.port="$2" --server.address=127.0.0.1 \
    --management.server.port=0 >"$work/$1.log" 2>&1 &
  started=$!
}
wait_for() { # name port pid
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/" || true)" = 200 ] && return 0
    kill -0 "$3" 2>/dev/null || { echo "$1 stopped; see $work/$1.log" >&2; tail -n 40 "$work/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 did not serve a page within 5 minutes" >&2
  exit 1
}
t0=$(date +%s)
start_app app-a "$app_port" 1; app_a_pid=$started; wait_for app-a "$app_port" "$app_a_pid"
echo "app A up on 127.0.0.1:$app_port (pid $app_a_pid, Galera node 1) after $(( $(date +%s) - t0 )) s"
changesets=$(sql 3 -N -e "SELECT COUNT(*) FROM spiegel.DATABASECHANGELOG")
check "changelog" pass "$changesets changesets applied through node 1, visible on node 3"
if $two_apps; then
  t0=$(date +%s)
  start_app app-b $(( app_port + 1 )) 2; app_b_pid=$started; wait_for app-b $(( app_port + 1 )) "$app_b_pid"
  echo "app B up on 127.0.0.1:$(( app_port + 1 )) (pid $app_b_pid, Galera node 2) after $(( $(date +%s) - t0 )) s"
fi

# 5. the schema as the cluster sees it
no_pk=$(sql 3 -N -e "
  SELECT GROUP_CONCAT(t.table_name ORDER BY t.table_name) FROM information_schema.tables t
  WHERE t.table_schema = 'spiegel' AND t.table_type = 'BASE TABLE' AND NOT EXISTS (
    SELECT 1 FROM information_schema.table_constraints c
    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')")
tables=$(sql 3 -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='spiegel' AND table_type='BASE TABLE'")
[ "$no_pk" = NULL ] && check "primary keys" pass "all $tables tables have one" \
  || check "primary keys" fail "without a primary key: $no_pk"
not_innodb=$(sql 3 -N -e "SELECT GROUP_CONCAT(CONCAT(table_name, '=', engine)) FROM information_schema.tables
  WHERE table_schema='spiegel' AND table_type='BASE TABLE' AND engine <> 'InnoDB'")
[ "$not_innodb" = NULL ] && check "storage engine" pass "all tables InnoDB" \
  || check "storage engine" fail "$not_innodb"
locks=$(grep -rliE 'LOCK[[:space:]]+TABLES?|GET_LOCK|MyISAM|ENGINE[[:space:]]*=[[:space:]]*(Aria|MEMORY|MyISAM)' \
  src/main/resources/db/changelog src/main/java || true)
[ -z "$locks" ] && check "no table locks" pass "no LOCK TABLES, GET_LOCK or non-InnoDB engine in the changelog or code" \
  || check "no table locks" fail "$locks"
triggers=$(for n in 1 2 3; do sql "$n" -N -e "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema='spiegel'"; done | tr '\n' ' ')
check "triggers on every node" "$( [ "$(echo $triggers | tr ' ' '\n' | sort -u | wc -l)" = 1 ] && echo pass || echo fail)" \
  "trigger count per node: $triggers"

# 6. load through both app nodes at once
watch_a="app-a=$app_a_pid,galera1=${db_pid[1]},galera2=${db_pid[2]},galera3=${db_pid[3]}"
echo "uptime before the load: $(uptime)"
load() { # name, app port, people, watch
  timeout $(( ramp + duration + 120 )) "$JAVA_HOME/bin/java" -Xss512k src/test/java/nl/spiegel/load/LoadClient.java \
    --base "http://127.0.0.1:$2" --people "$3" --ramp "$ramp" --duration "$duration" --think "$think" \
    --out "$work/$1" --watch "$4" >"$work/$1.out" 2>&1
}
if $two_apps; then
  load load-a "$app_port" $(( (people + 1) / 2 )) "$watch_a" & la=$!
  load load-b $(( app_port + 1 )) $(( people / 2 )) "app-b=$app_b_pid" & lb=$!
  rc_a=0; wait $la || rc_a=$?
  rc_b=0; wait $lb || rc_b=$?
else
  rc_b=0; rc_a=0; load load-a "$app_port" "$people" "$watch_a" || rc_a=$?
fi
echo "uptime after the load: $(uptime)"
for l in load-a load-b; do
  [ -f "$work/$l.out" ] || continue
  echo "---- $l (exit code $( [ $l = load-a ] && echo $rc_a || echo $rc_b )) ----"
  cat "$work/$l.out"
done
[ "$rc_a" = 0 ] && [ "$rc_b" = 0 ] && check "load" pass "$people people through $( $two_apps && echo 'app A (node 1) and app B (node 2)' || echo 'app A (node 1)'), no failed step" \
  || check "load" fail "load client exit codes $rc_a / $rc_b (see $work/load-*.out)"

# 7. the same data on every node
for n in 1 2 3; do
  sql "$n" -N -e "SET SESSION wsrep_sync_wait = 1;
    SELECT (SELECT COUNT(*) FROM spiegel.dialogue_sessions), (SELECT COUNT(*) FROM spiegel.dialogue_messages);
    CHECKSUM TABLE spiegel.dialogue_sessions, spiegel.dialogue_messages;" | tr '\n\t' '  ' >"$work/rows$n.txt"
done
echo "rows and checksums per node:"; for n in 1 2 3; do echo "  node $n: $(cat "$work/rows$n.txt")"; done
messages=$(awk '{ print $2 }' "$work/rows1.txt")
if [ "$(cat "$work/rows1.txt")" = "$(cat "$work/rows2.txt")" ] && [ "$(cat "$work/rows1.txt")" = "$(cat "$work/rows3.txt")" ] \
   && [ "${messages:-0}" -gt 0 ]; then
  check "same data on every node" pass "$messages messages, equal counts and checksums on nodes 1, 2, 3"
else
  check "same data on every node" fail "see the rows per node above"
fi
# what was written through node 1, read on node 3: Galera gives each node its own auto-increment offset, so the
# messages inserted through node 1 are those whose id leaves node 1's offset (wsrep_auto_increment_control)
read -r inc1 offset1 < <(sql 1 -N -e "SELECT @@auto_increment_increment, @@auto_increment_offset")
through1="SELECT COUNT(*), COALESCE(MAX(id), 0) FROM spiegel.dialogue_messages WHERE id % $inc1 = $offset1 % $inc1"
on1=$(sql 1 -N -e "$through1" | tr '\t' '/')
on3=$(sql 3 -N -e "SET SESSION wsrep_sync_wait = 1; $through1" | tr '\t' '/')
[ "$on1" = "$on3" ] && [ "${on1%%/*}" -gt 0 ] \
  && check "written on node 1, read on node 3" pass "messages inserted through node 1 (count/last id): $on1 on node 1, $on3 on node 3" \
  || check "written on node 1, read on node 3" fail "node 1 $on1, node 3 $on3"

# 8. the audit trail stays append-only on every node
sql 1 -e "INSERT INTO spiegel.audit_events (occurred_at, actor_role, record_type, action)
  VALUES (UTC_TIMESTAMP(6), 'SYSTEM', 'galera-check', 'READ')"
audit_id=$(sql 1 -N -e "SELECT MAX(id) FROM spiegel.audit_events WHERE record_type = 'galera-check'")
for n in 2 3; do
  for statement in "UPDATE spiegel.audit_events SET action = 'CHANGED' WHERE id = $audit_id" \
                   "DELETE FROM spiegel.audit_events WHERE id = $audit_id"; do
    verb=${statement%% *}
    if out=$(sql "$n" -e "SET SESSION wsrep_sync_wait = 1; $statement" 2>&1); then
      check "audit append-only, $verb on node $n" fail "the $verb went through"
    elif echo "$out" | grep -q 'append-only'; then
      check "audit append-only, $verb on node $n" pass "refused: $(echo "$out" | grep '^ERROR' | head -n 1)"
    else
      check "audit append-only, $verb on node $n" fail "$out"
    fi
  done
done
still=$(for n in 1 2 3; do sql "$n" -N -e "SET SESSION wsrep_sync_wait = 1; SELECT action FROM spiegel.audit_events WHERE id = $audit_id"; done | tr '\n' ' ')
[ "$still" = "READ READ READ " ] && check "audit entry unchanged" pass "entry $audit_id reads READ on nodes 1, 2, 3" \
  || check "audit entry unchanged" fail "$still"

# 9. a certification conflict, as a client sees it (in a scratch database with its own primary key)
sql 1 -e "CREATE DATABASE galera_check; CREATE TABLE galera_check.counter (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;
  INSERT INTO galera_check.counter VALUES (1, 0);"
# node 1 changes the row and waits before its commit; meanwhile node 2 changes the same row and commits first
( sql 1 -e "SET SESSION wsrep_sync_wait = 1; START TRANSACTION; UPDATE galera_check.counter SET v = v + 1 WHERE id = 1;
    DO SLEEP(3); COMMIT;" >"$work/conflict1.out" 2>&1; echo $? >"$work/conflict1.rc" ) &
conflict=$!
sleep 1
sql 2 -e "SET SESSION wsrep_sync_wait = 1; UPDATE galera_check.counter SET v = v + 10 WHERE id = 1" >"$work/conflict2.out" 2>&1 || true
timeout 20 tail --pid=$conflict -f /dev/null || true
wait $conflict 2>/dev/null || true
if grep -q '1213' "$work/conflict1.out"; then
  check "certification conflict" pass "node 1's transaction lost to node 2's commit: $(grep '^ERROR' "$work/conflict1.out" | head -n 1)"
else
  check "certification conflict" fail "expected ERROR 1213 on node 1, got: $(cat "$work/conflict1.out") (value now $(sql 3 -N -e 'SELECT v FROM galera_check.counter'))"
fi
sql 1 -e "DROP DATABASE galera_check"

# 10. summary
echo "---- Galera checks ----"
printf '%s\n' "${results[@]}"
grep -h "Deadlock\|deadlock\|1213" "$work"/app-*.log | head -n 5 | sed 's/^/app log: /' || true
echo "certification failures per node (wsrep_local_cert_failures / wsrep_local_bf_aborts):" \
  "$(for n in 1 2 3; do echo -n "node $n: $(status "$n" wsrep_local_cert_failures)/$(status "$n" wsrep_local_bf_aborts)  "; done)"
echo "uptime at the end: $(uptime)"
echo "logs: $work"
exit $failed
