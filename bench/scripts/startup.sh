#!/usr/bin/env bash
# Start-up time of the packaged server: `java -jar tandem.jar` to `/actuator/health` answering UP,
# on a fresh embedded H2 database each run. Builds nothing.
#
# Usage (from anywhere inside the repository):
#   bench/scripts/startup.sh [RUNS] [path/to/tandem.jar]        # RUNS defaults to 7
#
# Prerequisite: ./mvnw -B -o -q -pl tandem-app -am package -DskipTests
#
# Environment: PORT (18080), JAVA_OPTS (extra JVM options, empty by default: the target is plain
#   `java -jar`), LAUNCH (what follows `java $JAVA_OPTS` instead of `-jar JAR`, for experiments such as the
#   extracted layout: LAUNCH="-jar /tmp/x/tandem.jar"), POLL (0.05 s between health polls), TIMEOUT (120 s),
#   KEEP_LOGS=1, CACHE_DIR (TANDEM_CACHE_DIR for every run: by default a new, empty one shared by this
#   script's runs, so the first run starts a new jar (cold: extracts it, writes the class archive when it
#   stops) and the later ones find the cache warm; TANDEM_RELAUNCH=false serves without the child JVM).
#
# Per run it prints the wall time from launch to the first UP answer, Spring's own "Started … in"
# figure, the CPU time the JVMs had used by then (user+system, from /proc: all threads of the launching
# JVM and the server JVM it starts, and the server's main thread alone, which is the critical path on an
# idle machine), the 1-minute load average at launch, the state of the JVM cache at launch (cold,
# extracted, warm) and whether the server used the ahead-of-time bean definitions; then min / median / max of the wall times (also of the warm runs alone) and of the
# main thread's CPU.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RUNS="${1:-7}"
APP_JAR="${2:-tandem-app/target/tandem.jar}"
PORT="${PORT:-18080}"
POLL="${POLL:-0.05}"
TIMEOUT="${TIMEOUT:-120}"
URL="http://127.0.0.1:$PORT/actuator/health"
read -r -a EXTRA <<<"${JAVA_OPTS:-}"
read -r -a LAUNCH_ARGS <<<"${LAUNCH:--jar $APP_JAR}"

[[ -f "$APP_JAR" ]] || { echo "$APP_JAR not found; package it first" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not on PATH" >&2; exit 1; }

WORK="$(mktemp -d -t tandem-startup.XXXXXX)"
CACHE_DIR="${CACHE_DIR:-$WORK/jvm-cache}"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  [[ "${KEEP_LOGS:-0}" == 1 ]] && echo "logs kept in $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

CLK_TCK="$(getconf CLK_TCK)"
cpu_ms() { # user+system CPU of a process (or thread: PID/task/TID) so far, in ms
  awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t) }' "/proc/$1/stat"
}
tree_pids() { # a process and its descendants: `java -jar tandem.jar` serves from a child JVM (ServerJvm)
  local pid="$1" child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree_pids "$child"; done
}
tree_cpu_ms() {
  local total=0 pid
  for pid in $(tree_pids "$1"); do total=$(( total + $(cpu_ms "$pid" 2>/dev/null || echo 0) )); done
  echo "$total"
}
main_cpu_ms() { # the busiest thread called "java" in the tree: the serving JVM's main thread
  local best=0 pid tid c
  for pid in $(tree_pids "$1"); do
    for tid in /proc/"$pid"/task/*; do
      [[ "$(cat "$tid/comm" 2>/dev/null)" == java ]] || continue
      c="$(cpu_ms "$pid/task/${tid##*/}" 2>/dev/null || echo 0)"
      (( c > best )) && best=$c
    done
  done
  echo "$best"
}

if curl -s -o /dev/null "$URL"; then echo "something already answers on port $PORT" >&2; exit 1; fi

printf '# %s, %s, nproc %s, jar %s (%s bytes), options: %s\n' "$(date -u +%FT%TZ)" \
  "$(java -version 2>&1 | head -n1)" "$(nproc)" "$APP_JAR" "$(stat -c %s "$APP_JAR")" "${JAVA_OPTS:-} ${LAUNCH:-}"
printf '%-4s %10s %10s %10s %12s %6s %-9s %s\n' run healthy_ms spring_s cpu_ms main_cpu_ms load1 jvm_cache aot
WALL=(); MAINS=(); WARM=()
for ((i = 1; i <= RUNS; i++)); do
  DATA="$WORK/data-$i"; LOG="$WORK/app-$i.log"
  LOAD="$(cut -d' ' -f1 /proc/loadavg)"
  if compgen -G "$CACHE_DIR/jvm-*/classes.jsa" >/dev/null; then STATE=warm
  elif compgen -G "$CACHE_DIR/jvm-*/app/tandem.jar" >/dev/null; then STATE=extracted
  else STATE=cold; fi
  START_NS="$(date +%s%N)"
  TANDEM_DATA_DIR="$DATA" TANDEM_CACHE_DIR="$CACHE_DIR" TANDEM_ADMIN_PASSWORD="startup-bench-pw" \
    java "${EXTRA[@]}" "${LAUNCH_ARGS[@]}" "--server.port=$PORT" >"$LOG" 2>&1 &
  APP_PID=$!
  UP=""
  while :; do
    if curl -s --max-time 1 "$URL" 2>/dev/null | grep -q '"status":"UP"'; then UP="$(date +%s%N)"; break; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    (( ($(date +%s%N) - START_NS) / 1000000000 < TIMEOUT )) || break
    sleep "$POLL"
  done
  CPU="$(tree_cpu_ms "$APP_PID" 2>/dev/null || echo '?')"
  MAIN_CPU="$(main_cpu_ms "$APP_PID" 2>/dev/null || echo '?')"
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  if [[ -z "$UP" ]]; then echo "run $i: not healthy; last lines of the log:" >&2; tail -n 30 "$LOG" >&2; exit 1; fi
  MS=$(( (UP - START_NS) / 1000000 ))
  SPRING="$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$LOG" | head -n1)"
  AOT=no; grep -q "Starting AOT-processed" "$LOG" && AOT=yes
  printf '%-4s %10s %10s %10s %12s %6s %-9s %s\n' "$i" "$MS" "${SPRING:-?}" "$CPU" "$MAIN_CPU" "$LOAD" "$STATE" "$AOT"
  WALL+=("$MS"); MAINS+=("$MAIN_CPU")
  [[ "$STATE" == warm ]] && WARM+=("$MS")
done

summary() { # summary LABEL VALUES...
  local label="$1"; shift
  sort -n <<<"$(printf '%s\n' "$@")" | awk -v l="$label" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s min %d median %d max %d (%d runs)\n", l, v[1], m, v[NR], NR }'
}
summary healthy_ms "${WALL[@]}"
summary main_cpu_ms "${MAINS[@]}"
(( ${#WARM[@]} == 0 )) || summary healthy_ms_warm_cache "${WARM[@]}"
