#!/usr/bin/env bash
# Live heap per open chat: full GC and live-object total of a running Spiegel JVM, then N virtual people each walk
# one dialogue to its end and leave the chat open, then a full GC and the total again. Prints (after - before) / N.
#
#   scripts/measure-heap.sh http://127.0.0.1:8080 APP_PID 200
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
base=$1 pid=$2 people=${3:-200}
live_bytes() {
  # GC.class_histogram runs a full GC first and counts only live objects
  "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram | awk '/^Total/ {print $3}'
}
# warm up: classes loaded, caches filled, one dialogue walked
scripts/load-test.sh --base "$base" --people 4 --ramp 1 --duration 30 --think 0.5 --stay true --out target/load/heap-warmup >/dev/null || true
before=$(live_bytes)
scripts/load-test.sh --base "$base" --people "$people" --ramp 30 --duration 120 --think 1 --stay true --out target/load/heap-$people || echo "(errors: each error opens a new tab, so the figure below is an upper bound)"
after=$(live_bytes)
echo "live heap before=$before after=$after bytes; per open chat: $(( (after - before) / people / 1024 )) KiB"
