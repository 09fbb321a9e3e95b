#!/usr/bin/env bash
# Live heap per open chat: N virtual people walk one dialogue each to its end and leave the chat open, twice; the
# live-object totals (a full GC first: jcmd GC.class_histogram) before and after the second group give the cost of
# one open chat. The first group is the warm-up: classes loaded, caches filled, and the server's thread and buffer
# pools grown to this many people at once, which would otherwise be counted as the chats' cost. Extra arguments go to
# the load client, for example --dialogues lang to walk only that dialogue.
#
#   scripts/measure-heap.sh http://127.0.0.1:8080 APP_PID 80 [--dialogues kennismaking]
#
# Leaves both class histograms in target/load/heap-N-before.txt and -after.txt (compare them to see where it goes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
base=$1 pid=$2 people=${3:-80}
shift $(( $# < 3 ? $# : 3 ))
mkdir -p target/load
live_bytes() {
  # GC.class_histogram runs a full GC first and counts only live objects
  "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram > "$1"
  awk '/^Total/ {print $3}' "$1"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
scripts/load-test.sh --base "$base" --people "$people" --ramp 30 --duration 120 --think 1 --stay true \
    --out target/load/heap-warmup "$@" >/dev/null || true
before=$(live_bytes "target/load/heap-$people-before.txt")
scripts/load-test.sh --base "$base" --people "$people" --ramp 30 --duration 120 --think 1 --stay true \
    --out "target/load/heap-$people" "$@" \
    || echo "(errors: each error opens a new tab, so the figure below is an upper bound)"
after=$(live_bytes "target/load/heap-$people-after.txt")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "live heap before=$before after=$after bytes; per open chat: $(( (after - before) / people / 1024 )) KiB"
