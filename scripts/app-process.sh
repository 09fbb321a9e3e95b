# Sourced by the scripts that start the production jar themselves (two-nodes.sh, crash-test.sh): finding or building
# the jar, waiting for the first served page and stopping a process they started. Every wait is bounded.

# The production jar: the one given, else target/spiegel-*.jar, built with `./mvnw -Pproduction package` when missing.
spiegel_jar() {
  local jar=${1:-}
  if [ -z "$jar" ]; then
    jar=$(ls target/spiegel-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
    if [ -z "$jar" ]; then
      ./mvnw -q -Pproduction package -DskipTests >&2
      jar=$(ls target/spiegel-*.jar | grep -v plain | head -n 1)
    fi
  fi
  echo "$jar"
}

# wait_for_page NAME PORT PID LOG [SECONDS]: until http://127.0.0.1:PORT/ answers 200; exits the script when the
# process stopped or nothing was served in time (default 5 minutes).
wait_for_page() {
  local name=$1 port=$2 pid=$3 log=$4 limit=${5:-300}
  for _ in $(seq 1 $(( limit * 2 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped; see $log" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not serve a page within $limit s; see $log" >&2
  exit 1
}

# stop_process PID: politely first, then SIGKILL after 30 s; only ever called with a pid the script started.
stop_process() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

# require_free_ports PORT...: exits with a message when one of the ports on 127.0.0.1 is already taken
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port on 127.0.0.1 is in use; set APP_PORT, MGMT_PORT or DB_PORT" >&2
      exit 1
    fi
  done
}

# copy_run_files WORK JAR: copies the jar and the application's FieldCipher classes (the ledger checks decrypt with
# them) into the work folder, because a build during the run rewrites target/ and a restart must start the same jar
copy_run_files() {
  [ -f target/classes/nl/spiegel/shared/crypto/FieldCipher.class ] \
    || { echo "target/classes is missing; build first (./mvnw -Pproduction package -DskipTests)" >&2; exit 1; }
  cp "$2" "$1/spiegel.jar"
  mkdir -p "$1/classes/nl/spiegel/shared"
  cp -r target/classes/nl/spiegel/shared/crypto "$1/classes/nl/spiegel/shared/"
  echo "work folder: $1, jar: $2 (copied)"
}
