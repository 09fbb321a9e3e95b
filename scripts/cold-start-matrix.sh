#!/usr/bin/env bash
# Cold start of the production jar with the embedded database, each means of speeding it up measured separately:
# the jar as built, the extracted jar, class data sharing (CDS), Java 25's ahead-of-time cache, and optionally a jar
# built with Spring AOT (--aot-jar). Time = start command to the first page served (scripts/cold-start.sh).
#
#   scripts/cold-start-matrix.sh [--runs 2] [--jar target/spiegel-*.jar] [--aot-jar PATH] [--port 18390]
#
# Everything happens in a temporary work folder (/tmp/spiegel-cold.*): the extracted jar, the caches and the embedded
# database's data folder, which the first (untimed) start installs, so every timed start finds it installed. The
# training runs for CDS and the AOT cache start the application until its context is refreshed
# (-Dspring.context.exit=onRefresh) and write the archive when the JVM exits. Every wait is bounded; it stops only
# the processes it started (and an embedded database server left running in its own work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
java="$JAVA_HOME/bin/java"

runs=2 jar="" aot_jar="" port=${PORT:-18390}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2 ;; --jar) jar=$2 ;; --aot-jar) aot_jar=$2 ;; --port) port=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -n "$jar" ] || jar=$(ls target/spiegel-*.jar | grep -v plain | head -n 1)
jar=$(realpath "$jar")
work=$(mktemp -d /tmp/spiegel-cold.XXXXXX)
echo "work folder: $work; jar: $jar; $("$java" -version 2>&1 | head -n 1)"
export SPIEGEL_EMBEDDEDDB_DATADIR="$work/data"
args=(--server.port="$port" --management.server.port=0 --vaadin.productionMode=true)

stray_db() { # an embedded server a training run left behind, in our own data folder only
  for pidfile in "$work"/data/data/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$work/data"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
  done
}
trap stray_db EXIT
train() { # name, JVM options...: a start until the context is refreshed, bounded to 5 minutes
  local name=$1; shift
  local t0; t0=$(date +%s)
  (cd "$work" && timeout 300 "$java" "$@" -Dspring.context.exit=onRefresh -jar "$work/app/$(basename "$jar")" \
    "${args[@]}" >"$work/train-$name.log" 2>&1) || true
  stray_db
  echo "training run for $name: $(( $(date +%s) - t0 )) s, $(du -h "$work/$name" 2>/dev/null | cut -f1) written"
}
measure() { # label, command...
  local label=$1; shift
  local times=() loads=()
  for i in $(seq 1 "$runs"); do
    local line
    line=$(cd "$work" && PORT=$port LOG="$work/run-${label// /-}-$i.log" "$OLDPWD/scripts/cold-start.sh" "$@") || {
      echo "$label: run $i failed (log $work/run-${label// /-}-$i.log)"; stray_db; continue; }
    times+=("$(echo "$line" | sed 's/^first page after \([0-9.]*\) s.*/\1/' | xargs printf '%.1f')")
    loads+=("$(echo "$line" | sed 's/.*load average \([0-9.]*\).*/\1/')")
    stray_db
  done
  local context
  context=$(grep -ho 'Started SpiegelApplication in [0-9.]* seconds' "$work"/run-"${label// /-}"-*.log 2>/dev/null \
    | sed 's/[^0-9.]*\([0-9.]*\) seconds/\1/' | xargs printf '%.1f ' 2>/dev/null || true)
  printf '| %s | %s s | %s s | %s |\n' "$label" "${times[*]:-failed}" "${context:-?}" "${loads[*]:-}" | tee -a "$work/table.md"
}

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app="$work/app/$(basename "$jar")"
echo "first start (installs the embedded database, not counted):"
(cd "$work" && PORT=$port LOG="$work/install.log" "$OLDPWD/scripts/cold-start.sh" "$java" -jar "$app" "${args[@]}") || true
stray_db

echo "uptime before: $(uptime)"
echo "| how | first page (each run) | Spring context started in | load average at the page |" | tee "$work/table.md"
echo "|---|---|---|---|" | tee -a "$work/table.md"
measure "java -jar (as built)" "$java" -jar "$jar" "${args[@]}"
measure "extracted jar" "$java" -jar "$app" "${args[@]}"
train cds.jsa -XX:ArchiveClassesAtExit="$work/cds.jsa"
measure "extracted + CDS" "$java" -XX:SharedArchiveFile="$work/cds.jsa" -Xshare:auto -jar "$app" "${args[@]}"
train app.aot -XX:AOTCacheOutput="$work/app.aot"
measure "extracted + AOT cache" "$java" -XX:AOTCache="$work/app.aot" -jar "$app" "${args[@]}"
if [ -n "$aot_jar" ]; then
  aot_jar=$(realpath "$aot_jar")
  "$java" -Djarmode=tools -jar "$aot_jar" extract --destination "$work/aot" >/dev/null
  aot_app="$work/aot/$(basename "$aot_jar")"
  measure "Spring AOT, extracted" "$java" -Dspring.aot.enabled=true -jar "$aot_app" "${args[@]}"
  (cd "$work" && timeout 300 "$java" -XX:AOTCacheOutput="$work/spring-aot.aot" -Dspring.aot.enabled=true \
    -Dspring.context.exit=onRefresh -jar "$aot_app" "${args[@]}" >"$work/train-spring-aot.log" 2>&1) || true
  stray_db
  measure "Spring AOT + AOT cache" "$java" -Dspring.aot.enabled=true -XX:AOTCache="$work/spring-aot.aot" -jar "$aot_app" "${args[@]}"
fi
echo "uptime after: $(uptime)"
echo "table: $work/table.md"
