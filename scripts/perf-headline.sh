#!/usr/bin/env bash
# The performance table of docs/performance.md, reproduced: the wedding baseline workload against Redis, the grid (L1 + L2) and
# the grid without near caches (L2), at each rate, open loop with 256 operations in flight, in ROUNDS interleaved
# rounds, against one grid-node.jar member in its own process (started and stopped by the loadtest) and a Redis
# server this script starts and stops. The caffeine target runs beside them: the generator's own floor.
#
#   mvn -q -DskipTests package && scripts/perf-headline.sh
#
# Environment: ROUNDS (5), RATES ("20000 40000"), DURATION (15s), WARMUP (10s), OUT (a dated folder under
# loadtest-results/), JAVA_HOME (the JDK of the generator, and of the members unless NODE_OPTIONS names one;
# default: Java 25 where it is installed as /usr/lib/jvm/temurin-25-jdk-amd64, else the java on PATH),
# LOADTEST_JAVA_OPTS (the generator's JVM options, default what the README recommends for a service JVM that holds
# near caches: "-Xms2g -Xmx2g -XX:+UseZGC"), NODE_OPTIONS (extra loadtest options for the
# members, e.g. "--node-java-home /usr/lib/jvm/temurin-25-jdk-amd64 --node-jvm-option -XX:+UseZGC").
# Writes OUT/rate-N/compare.{json,txt,md} per rate, then OUT/summary.json and OUT/summary.md (loadtest's
# summarize: every rate's table and the highest rate each target holds with its median p99 within 10 ms).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
LOADTEST_JAVA_OPTS=${LOADTEST_JAVA_OPTS-"-Xms2g -Xmx2g -XX:+UseZGC"}
rounds=${ROUNDS:-5}
rates=${RATES:-"20000 40000"}
duration=${DURATION:-15s}
warmup=${WARMUP:-10s}
out=${OUT:-loadtest-results/headline-$(date -u +%Y%m%d-%H%M%S)}
for jar in loadtest/target/loadtest.jar grid-node/target/grid-node.jar; do
  [ -r "$jar" ] || { echo "perf-headline: $jar is missing: build with mvn -q -DskipTests package" >&2; exit 2; }
done
command -v redis-server >/dev/null || { echo "perf-headline: redis-server is not installed (apt-get install redis-server)" >&2; exit 2; }

# A free loopback port for Redis: the first in 6400-6499 nobody listens on.
port=
for candidate in $(seq 6400 6499); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "perf-headline: no free port in 6400-6499 for redis-server" >&2; exit 2; }
out=$(mkdir -p "$out" && cd "$out" && pwd)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$out/redis.pid" --logfile "$out/redis.log"
stop_redis() { [ -r "$out/redis.pid" ] && kill "$(cat "$out/redis.pid")" 2>/dev/null || true; }
trap stop_redis EXIT
trap 'stop_redis; exit 130' INT TERM

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "generator java: $("$java" -version 2>&1 | head -1)"
  echo "redis: $(redis-server --version)"
  echo "command: JAVA_HOME=${JAVA_HOME:-} ROUNDS=$rounds RATES=\"$rates\" DURATION=$duration WARMUP=$warmup NODE_OPTIONS=\"${NODE_OPTIONS:-}\" LOADTEST_JAVA_OPTS=\"${LOADTEST_JAVA_OPTS:-}\" scripts/perf-headline.sh"
} > "$out/about.txt"

for rate in $rates; do
  # shellcheck disable=SC2086
  "$java" ${LOADTEST_JAVA_OPTS:-} -jar loadtest/target/loadtest.jar compare --scenario baseline \
    --targets redis,grid,grid-l2,caffeine --repeat "$rounds" --nodes 1 ${NODE_OPTIONS:-} \
    --rate "$rate" --in-flight 256 --duration "$duration" --warmup "$warmup" \
    --redis "redis://127.0.0.1:$port" --out "$out/rate-$rate" > "$out/rate-$rate.log" 2>&1 \
    || { echo "perf-headline: the run at $rate ops/s failed; see $out/rate-$rate.log" >&2; tail -3 "$out/rate-$rate.log" >&2; exit 1; }
done

folders=()
for rate in $rates; do folders+=("$out/rate-$rate"); done
"$java" -jar loadtest/target/loadtest.jar summarize --about "$out/about.txt" --out "$out" "${folders[@]}" > /dev/null
cat "$out/summary.md"
echo "summary: $out/summary.json"
