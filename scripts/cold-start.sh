#!/usr/bin/env bash
# Cold start to the first served page: starts the given java command line (which must make the app listen on PORT),
# polls http://127.0.0.1:PORT/ until it answers 200, prints the seconds it took and stops the app again.
#
#   PORT=18090 scripts/cold-start.sh java -jar target/spiegel-0.1.0-SNAPSHOT.jar --server.port=18090
set -euo pipefail
port=${PORT:-8080}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is already in use: another program would answer instead; choose another PORT" >&2
  exit 1
fi
start=$(date +%s.%N)
"$@" > "${LOG:-/dev/null}" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; then
    echo "first page after $(echo "$(date +%s.%N) - $start" | bc) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    exit 0
  fi
  kill -0 $app 2>/dev/null || { echo "the app stopped before serving a page" >&2; exit 1; }
  sleep 0.2
done
echo "no page after 6 minutes" >&2
exit 1
