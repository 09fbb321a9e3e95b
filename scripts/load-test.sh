#!/usr/bin/env bash
# Protocol-level load test against a running Spiegel: N virtual people walk real dialogues over Vaadin's UIDL,
# one step each per think time, with an empty round trip before every step as the floor. Needs only a JDK 21+.
#
#   scripts/load-test.sh --base http://127.0.0.1:8080 --people 200 --ramp 30 --duration 60 --think 5 \
#       --out target/load/200 [--watch java=PID,mariadbd=PID]
#
# Prints rate, p50/p95/p99/max of steps, floor and bootstraps, errors and CPU use (of the watched processes, this
# client and the whole machine) and writes OUT.txt (summary) and OUT.csv (every sample). Exit code 1 on any error.
# Only point it at a server you run yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
exec "$JAVA_HOME/bin/java" -Xss512k src/test/java/nl/spiegel/load/LoadClient.java "$@"
