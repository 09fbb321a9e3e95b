#!/usr/bin/env bash
# Database outage under load, over HTTP: the production jar on a MariaDB server of its own, N virtual people answering
# over Vaadin's UIDL, the database stopped for 30 s in the middle and started again on the same data folder, then a
# check against the database that nothing was lost or doubled, that nobody was shown an error or a technical word,
# that /actuator/health went DOWN and UP again and that the first answer after the return went through in time.
#
#   scripts/outage-test.sh [--people 200] [--ramp 10] [--think 3] [--steady 30] [--outage 30] [--after 30]
#                          [--target 5] [--jar PATH]
#
#   1. uses the production jar (see scripts/app-process.sh) and target/classes (for the check's decryption);
#   2. starts Debian's mariadbd (scripts/mariadb-server.sh) with its own data folder, socket and port in a fresh work
#      folder (/tmp/spiegel-outage.*), and the app (profile prod) against it with an encryption key of its own, on
#      APP_PORT (18391), management port MGMT_PORT (18392), database port DB_PORT (18393);
#   3. polls /actuator/health on the management port every second (health.log: epoch-ms HTTP-status seconds);
#   4. runs the load client with its ledger (LoadClient.java --ledger): every written answer carries a marker, and
#      the client writes down what the person saw (ack, saving, retried = stored by the chat's retry, ...). A person
#      shown the calm "saving" line waits, as the disabled send button makes them, and looks every second (an empty
#      round trip: the retry's outcome reaches a browser by push, which this client does not speak). Every response
#      is searched for Vaadin's error and session-expired notifications, "Er ging iets mis" and technical words
#      (Exception, SQL, jdbc, ...);
#   5. --steady seconds after the first written answer was seen stored: `mariadb-admin shutdown` (a clean stop, all
#      connections cut), waits --outage seconds from the stop, starts mariadbd again on the same data folder and
#      notes when it answers;
#   6. --after seconds later the load ends; the written answers are read from the database and compared with the
#      ledger by CrashCheck.java (--saving-stored: the app kept running, so even an answer still shown as "saving"
#      at the end must be stored exactly once);
#   7. prints the figures and exits 1 when anything was lost or doubled, a person was shown an error or a technical
#      word, health did not go DOWN and UP again, no answer met the outage (nothing was tested), or the first answer
#      a person saw stored after the return came later than --target seconds after the server answered again.
# The work folder keeps the logs, ledger, rows, database and the run's throw-away key (delete it when done).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
source scripts/app-process.sh
source scripts/mariadb-server.sh

people=200 ramp=10 think=3 steady=30 outage=30 after=30 target=5 jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people=$2 ;; --ramp) ramp=$2 ;; --think) think=$2 ;; --steady) steady=$2 ;; --outage) outage=$2 ;;
    --after) after=$2 ;; --target) target=$2 ;; --jar) jar=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
app_port=${APP_PORT:-18391} mgmt_port=${MGMT_PORT:-18392} db_port=${DB_PORT:-18393}
require_free_ports "$app_port" "$mgmt_port" "$db_port"

jar=$(realpath "$(spiegel_jar "$jar")")
work=$(mktemp -d /tmp/spiegel-outage.XXXXXX)
chmod 755 "$work"
copy_run_files "$work" "$jar"
db="$work/db"
db_pid="" app_pid="" load_pid="" health_pid=""
cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  [ -n "$health_pid" ] && kill "$health_pid" 2>/dev/null || true
  stop_process "$app_pid"
  stop_process "$db_pid"
  wait 2>/dev/null || true
  rm -f "$work/spiegel.jar"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# 1. the database server
mariadb_ensure "$work/apt-mariadb.log"
mariadb_init "$db"
mariadb_start "$db" "$db_port"; db_pid=$mariadb_pid
db_password=$(mariadb_app_database "$db")
echo "MariaDB $(mariadb_sql "$db" -N -e 'SELECT VERSION()') on 127.0.0.1:$db_port (pid $db_pid)"

# 2. the app against it
crypto_key="k1:$(head -c 32 /dev/urandom | base64)"
(umask 077 && echo "$crypto_key" >"$work/crypto-key")
t0=$(now_ms)
(cd "$work" && SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$db_port/spiegel" \
  SPRING_DATASOURCE_USERNAME=spiegel SPRING_DATASOURCE_PASSWORD="$db_password" \
  SPIEGEL_CRYPTO_KEYS="$crypto_key" SERVER_SERVLET_SESSION_COOKIE_SECURE=false \
  exec "$JAVA_HOME/bin/java" -Xmx1g -jar "$work/spiegel.jar" --server.port="$app_port" --server.address=127.0.0.1 \
    --management.server.port="$mgmt_port" >"$work/app.log" 2>&1) &
app_pid=$!
wait_for_page app "$app_port" "$app_pid" "$work/app.log" 600
echo "app up after $(since "$t0" "$(now_ms)") s (pid $app_pid)"

# 3. health, every second until the stop file appears
(
  while [ ! -e "$work/stop" ]; do
    start=$(now_ms)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$mgmt_port/actuator/health" || true)
    echo "$start $code $(since "$start" "$(now_ms)")" >>"$work/health.log"
    sleep 1
  done
) &
health_pid=$!

# 4. the load
echo "uptime before the load: $(uptime)"
load_start_ms=$(now_ms)
timeout $(( ramp + steady + outage + after + 1500 )) "$JAVA_HOME/bin/java" -Xss512k \
  src/test/java/nl/spiegel/load/LoadClient.java --base "http://127.0.0.1:$app_port" --people "$people" \
  --ramp "$ramp" --duration $(( steady + outage + after + 1200 )) --think "$think" --out "$work/load" \
  --ledger "$work/ledger.txt" --until "$work/stop" --watch "app=$app_pid" >"$work/load.out" 2>&1 &
load_pid=$!
for _ in $(seq 1 600); do
  grep -q ' ack ' "$work/ledger.txt" 2>/dev/null && break
  kill -0 "$load_pid" 2>/dev/null || { echo "the load client stopped early" >&2; cat "$work/load.out" >&2; exit 1; }
  sleep 0.5
done
grep -q ' ack ' "$work/ledger.txt" || { echo "no written answer was stored within 5 minutes" >&2; exit 1; }
echo "first written answer seen stored $(since "$load_start_ms" "$(now_ms)") s into the load"
sleep "$steady"

# 5. the outage: a real stop of the server, and a start again on the same data folder
echo "uptime at the stop: $(uptime)"
stop_ms=$(now_ms)
mariadb-admin --no-defaults -S "$db.sock" -u root shutdown
for _ in $(seq 1 120); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$db_pid" 2>/dev/null && { echo "mariadbd did not stop within 60 s" >&2; exit 1; }
wait "$db_pid" 2>/dev/null || true
down_ms=$(now_ms)
echo "database stopped ($(since "$stop_ms" "$down_ms") s for the shutdown)"
rest_ms=$(( stop_ms + outage * 1000 - $(now_ms) ))
[ "$rest_ms" -gt 0 ] && sleep "$(since 0 "$rest_ms")"
echo "uptime during the outage: $(uptime)"
start_ms=$(now_ms)
mariadb_start "$db" "$db_port"; db_pid=$mariadb_pid
back_ms=$(now_ms)
echo "database back $(since "$stop_ms" "$back_ms") s after the stop (the start took $(since "$start_ms" "$back_ms") s, pid $db_pid)"
sleep "$after"
echo "uptime at the end: $(uptime)"
touch "$work/stop"
load_rc=0
wait "$load_pid" || load_rc=$?
load_pid=""
wait "$health_pid" 2>/dev/null || true
health_pid=""
echo "---- load client (exit code $load_rc; its errors are reloads around the outage) ----"
cat "$work/load.out"

# 6. the check against the database
mariadb_sql "$db" -N -B -e "SELECT session_id, key_id, HEX(body) FROM spiegel.dialogue_messages WHERE kind = 'USER_TEXT'" \
  >"$work/rows.tsv"
echo "---- check against the database ----"
check_rc=0
"$JAVA_HOME/bin/java" -cp "$work/classes" src/test/java/nl/spiegel/load/CrashCheck.java \
  "$work/ledger.txt" "$work/rows.tsv" "$crypto_key" --saving-stored | tee "$work/check.txt" || check_rc=$?
failed=$check_rc

# 7. figures
echo "---- figures ----"
fail() { echo "FAIL $*"; failed=1; }
echo "database stopped at +0 s, down after $(since "$stop_ms" "$down_ms") s, back (answers) at +$(since "$stop_ms" "$back_ms") s"
echo "written answers per outcome, by when the person saw it (before the stop / during the outage / after the return):"
awk -v s="$stop_ms" -v b="$back_ms" '{ w = ($1 < s) ? "before" : ($1 < b) ? "during" : "after"; n[$2 " " w]++ }
  END { for (k in n) print "  " k, n[k] }' "$work/ledger.txt" | sort
during_saving=$(awk -v s="$stop_ms" -v b="$back_ms" '$2 == "saving" && $1 >= s && $1 < b' "$work/ledger.txt" | wc -l)
during_other=$(awk -v s="$stop_ms" -v b="$back_ms" '$2 != "saving" && $2 != "ack" && $2 != "retried" && $1 >= s && $1 < b' "$work/ledger.txt" | wc -l)
echo "answers sent into the outage that showed the calm saving line: $during_saving; that showed neither it nor the answer: $during_other"
awk '$2 == "saving" { s[$3] = $1 } $2 == "retried" && ($3 in s) { w = $1 - s[$3]; if (w > m) m = w; t += w; n++ }
  END { if (n) printf "waited from the saving line until the answer was on the screen: %d answers, %.1f s on average, at most %.1f s\n", n, t / n / 1000, m / 1000 }' "$work/ledger.txt"
[ "$during_saving" -gt 0 ] || fail "no written answer met the database away: the outage tested nothing"
tries=$(grep -c 'not stored yet (try' "$work/app.log" || true)
echo "tries of an answer that met the database away (app log, 'not stored yet'): $tries"
first_down=$(awk -v s="$stop_ms" '$1 >= s && $2 != 200 { print $1; exit }' "$work/health.log")
last_down=$(awk -v s="$stop_ms" '$1 >= s && $2 != 200 { t = $1 } END { print t }' "$work/health.log")
first_up=$(awk -v b="$back_ms" '$1 >= b && $2 == 200 { print $1; exit }' "$work/health.log")
if [ -n "$first_down" ] && [ -n "$first_up" ]; then
  echo "health: first DOWN (HTTP $(awk -v t="$first_down" '$1 == t { print $2; exit }' "$work/health.log")) asked $(since "$stop_ms" "$first_down") s after the stop; last DOWN asked at +$(since "$stop_ms" "$last_down") s; first UP asked $(since "$back_ms" "$first_up") s after the return"
  # while no server ran at all (from the end of the stop to the new start): a check that answered UP then lied
  up_during=$(awk -v d="$down_ms" -v b="$start_ms" '$1 >= d && $1 + $3 * 1000 < b && $2 == 200' "$work/health.log" | wc -l)
  [ "$up_during" -eq 0 ] || fail "health said UP $up_during time(s) while no database server ran"
else
  fail "health: DOWN during the outage ${first_down:+seen}${first_down:-not seen}, UP after the return ${first_up:+seen}${first_up:-not seen}"
fi
first_ack=$(awk -v b="$back_ms" '($2 == "ack" || $2 == "retried") && $1 >= b { print $1; exit }' "$work/ledger.txt")
first_stored=$(mariadb_sql "$db" -N -B -e "SET time_zone = '+00:00';
  SELECT ROUND(UNIX_TIMESTAMP(MIN(created_at)) * 1000) FROM spiegel.dialogue_messages
  WHERE kind = 'USER_TEXT' AND created_at >= FROM_UNIXTIME($back_ms / 1000)")
if [ -n "$first_ack" ]; then
  echo "first written answer seen stored by a person after the return: $(since "$back_ms" "$first_ack") s (people shown 'saving' look once a second); first stored answer whose transaction began after the return: $( [ "$first_stored" != NULL ] && echo "$(since "$back_ms" "$first_stored") s" || echo none) (created_at is taken before the connection, so answers that waited for one count in the first figure only)"
  [ $(( first_ack - back_ms )) -le $(( target * 1000 )) ] || fail "the first answer after the return was seen stored after more than $target s"
else
  fail "no written answer was stored after the database came back"
fi
shown=$(sed -n 's/^shown-errors=//p' "$work/load.out")
echo "responses that showed a person an error or a technical word: ${shown:-?}"
[ "${shown:-1}" = 0 ] || fail "a person was shown an error or a technical word (see 'shown:' above)"
still=$(sed -n 's/.*still-saving-at-end=\([0-9]*\).*/\1/p' "$work/load.out")
echo "people still shown 'saving' when the run ended: ${still:-?}"
echo "app log: $(grep -c ' ERROR ' "$work/app.log" || true) ERROR lines, $(grep -c ' WARN ' "$work/app.log" || true) WARN lines"
echo "logs and ledger: $work"
[ "$failed" = 0 ] && echo "PASS" || echo "FAILED"
exit "$failed"
