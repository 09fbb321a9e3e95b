#!/usr/bin/env bash
# The load curve: the production jar with its embedded database, started fresh for every point, and the load client
# (scripts/load-test.sh) at increasing numbers of people, one line of figures per point, until the knee.
#
#   scripts/load-curve.sh [--people "200 600 1000 1500 2000"] [--ramp 20] [--duration 40] [--think 5]
#                         [--jar target/spiegel-*.jar] [--xmx 4g] [--quiet 1.5] [--stop-above 1000]
#
# Before each point it waits (at most 3 minutes) until the machine's 1-minute load average is at most --quiet, and
# prints `uptime` before and after the run. It stops after the first point whose step p95 exceeds --stop-above ms (the
# knee is behind it). Results, the app's logs and the load client's files stay in the work folder it prints
# (/tmp/spiegel-curve.*). Every wait is bounded; it stops only the processes it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
java="$JAVA_HOME/bin/java"

people_list="200 600 1000 1500 2000" ramp=20 duration=40 think=5 jar="" xmx=4g quiet=1.5 stop_above=1000
port=${PORT:-18480}
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people_list=$2 ;; --ramp) ramp=$2 ;; --duration) duration=$2 ;; --think) think=$2 ;;
    --jar) jar=$2 ;; --xmx) xmx=$2 ;; --quiet) quiet=$2 ;; --stop-above) stop_above=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -n "$jar" ] || jar=$(ls target/spiegel-*.jar | grep -v plain | head -n 1)
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is in use; set PORT" >&2
  exit 1
fi
work=$(mktemp -d /tmp/spiegel-curve.XXXXXX)
echo "work folder: $work; jar: $jar; -Xmx$xmx; $(nproc) cores"
app_pid=""
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
trap stop_app EXIT

printf '| people | steps/s | step p50 / p95 / p99 (ms) | floor p95 (ms) | CPU java / mariadbd / client / machine (%% of one core) | java CPU per step | errors | load average before -> after |\n|---|---|---|---|---|---|---|---|\n' \
  | tee "$work/curve.md"
for people in $people_list; do
  for _ in $(seq 1 36); do
    awk -v q="$quiet" '{ exit !($1 <= q) }' /proc/loadavg && break
    sleep 5
  done
  SPIEGEL_EMBEDDEDDB_DATADIR="$work/data" "$java" -Xmx"$xmx" -jar "$jar" --server.port="$port" \
    --management.server.port=0 --vaadin.productionMode=true >"$work/app-$people.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ] && break
    kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped; see $work/app-$people.log" >&2; exit 1; }
    sleep 0.5
  done
  db_pid=$(pgrep -P "$app_pid" mariadbd | head -n 1 || true)
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "people $people: uptime before: $(uptime)"
  rc=0
  timeout $(( ramp + duration + 180 )) scripts/load-test.sh --base "http://127.0.0.1:$port" --people "$people" \
    --ramp "$ramp" --duration "$duration" --think "$think" --out "$work/load-$people" \
    --watch "java=$app_pid${db_pid:+,mariadbd=$db_pid}" >"$work/load-$people.out" 2>&1 || rc=$?
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "people $people: uptime after: $(uptime) (load client exit code $rc)"
  stop_app
  out="$work/load-$people.out"
  field() { sed -n "s/^$1 .*$2=\([0-9.]*\).*/\1/p" "$out" | head -n 1; }
  cpu() { sed -n "s/^cpu $1 *\([0-9]*\)% of one core, \([0-9.]*\) ms per step/\1 \2/p" "$out" | head -n 1; }
  read -r java_cpu java_ms <<<"$(cpu java)"
  read -r db_cpu _ <<<"$(cpu mariadbd)"
  read -r client_cpu _ <<<"$(cpu client)"
  read -r machine_cpu _ <<<"$(cpu machine)"
  errors=$(sed -n 's/^errors=\([0-9]*\).*/\1/p' "$out" | head -n 1)
  p95=$(field step p95)
  printf '| %s | %s | %s / %s / %s | %s | %s / %s / %s / %s | %s ms | %s | %s -> %s |\n' "$people" "$(field step rate)" \
    "$(field step p50)" "$p95" "$(field step p99)" "$(field floor p95)" "${java_cpu:-?}" "${db_cpu:-?}" \
    "${client_cpu:-?}" "${machine_cpu:-?}" "${java_ms:-?}" "${errors:-?}" "$before" "$after" | tee -a "$work/curve.md"
  if [ -n "$p95" ] && awk -v p="$p95" -v s="$stop_above" 'BEGIN { exit !(p > s) }'; then
    echo "step p95 $p95 ms is above $stop_above ms: the knee is behind this point, stopping"
    break
  fi
done
echo "curve: $work/curve.md"
