#!/usr/bin/env bash
# Measures grid-node start-up: milliseconds from launch to readiness UP, and heap in use after a full GC.
# Usage (after `mvn -DskipTests package`):
#   scripts/measure-startup.sh [runs]
# Runs the packaged jar (`java -jar`), then the fast start of the Dockerfile (extracted jar + CDS archive).
# Loopback only; every node is stopped with SIGTERM; each wait is bounded.
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/grid-node/target/grid-node.jar"
work="$root/grid-node/target/startup"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

measure() { # label, java args...
  local label=$1; shift
  local port hport start pid ready heap
  port=$(free_port); hport=$(free_port)
  start=$(date +%s%N)
  GRID_PORT=$port GRID_HTTP_PORT=$hport GRID_MEMBERS=127.0.0.1:$port GRID_CLUSTER_NAME="startup-$RANDOM" \
    java "$@" > "$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$hport/actuator/health/readiness")" = 200 ] && break
    kill -0 $pid 2>/dev/null || { echo "$label: node exited, see $work/$label.log" >&2; return 1; }
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  jcmd $pid GC.run >/dev/null 2>&1 || true
  heap=$(jcmd $pid GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 || true)
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo "$label ready_ms=$ready heap_after_gc=${heap#used }"
}

rm -rf "$work"; mkdir -p "$work"
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > "$work/extract.log" 2>&1
GRID_HTTP_PORT=0 GRID_PORT=$(free_port) GRID_CLUSTER_NAME="startup-training-$RANDOM" \
  java -XX:ArchiveClassesAtExit="$work/grid-node.jsa" -Dspring.context.exit=onRefresh -jar "$work/app/grid-node.jar" \
  > "$work/training.log" 2>&1
echo "# $(date -u +%Y-%m-%d) $(nproc) CPUs, $(java -version 2>&1 | head -1)"
for _ in $(seq 1 "$runs"); do measure jar -jar "$jar"; done
for _ in $(seq 1 "$runs"); do measure cds -Xshare:on -XX:SharedArchiveFile="$work/grid-node.jsa" -jar "$work/app/grid-node.jar"; done
