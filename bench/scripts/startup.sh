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
#   KEEP_LOGS=1.
#
# Per run it prints the wall time from launch to the first UP answer, Spring's own "Started … in"
# figure, the CPU time the JVM had used by then (user+system, from /proc: all threads, and the main
# thread alone, which is the critical path on an idle machine) and the 1-minute load average at launch;
# then min / median / max of the wall times and of the main thread's CPU.
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
main_cpu_ms() { # the busiest thread called "java": the JVM's main thread (the launcher's own thread only waits)
  local best=0 tid c
  for tid in /proc/"$1"/task/*; do
    [[ "$(cat "$tid/comm" 2>/dev/null)" == java ]] || continue
    c="$(cpu_ms "$1/task/${tid##*/}" 2>/dev/null || echo 0)"
    (( c > best )) && best=$c
  done
  echo "$best"
}

if curl -s -o /dev/null "$URL"; then echo "something already answers on port $PORT" >&2; exit 1; fi

printf '# %s, %s, nproc %s, jar %s (%s bytes), options: %s\n' "$(date -u +%FT%TZ)" \
  "$(java -version 2>&1 | head -n1)" "$(nproc)" "$APP_JAR" "$(stat -c %s "$APP_JAR")" "${JAVA_OPTS:-} ${LAUNCH:-}"
printf '%-4s %10s %10s %10s %12s %6s\n' run healthy_ms spring_s cpu_ms main_cpu_ms load1
WALL=(); MAINS=()
for ((i = 1; i <= RUNS; i++)); do
  DATA="$WORK/data-$i"; LOG="$WORK/app-$i.log"
  LOAD="$(cut -d' ' -f1 /proc/loadavg)"
  START_NS="$(date +%s%N)"
  TANDEM_DATA_DIR="$DATA" TANDEM_ADMIN_PASSWORD="startup-bench-pw" \
    java "${EXTRA[@]}" "${LAUNCH_ARGS[@]}" "--server.port=$PORT" >"$LOG" 2>&1 &
  APP_PID=$!
  UP=""
  while :; do
    if curl -s --max-time 1 "$URL" 2>/dev/null | grep -q '"status":"UP"'; then UP="$(date +%s%N)"; break; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    (( ($(date +%s%N) - START_NS) / 1000000000 < TIMEOUT )) || break
    sleep "$POLL"
  done
  CPU="$(cpu_ms "$APP_PID" 2>/dev/null || echo '?')"
  MAIN_CPU="$(main_cpu_ms "$APP_PID" 2>/dev/null || echo '?')"
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  if [[ -z "$UP" ]]; then echo "run $i: not healthy; last lines of the log:" >&2; tail -n 30 "$LOG" >&2; exit 1; fi
  MS=$(( (UP - START_NS) / 1000000 ))
  SPRING="$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$LOG" | head -n1)"
  printf '%-4s %10s %10s %10s %12s %6s\n' "$i" "$MS" "${SPRING:-?}" "$CPU" "$MAIN_CPU" "$LOAD"
  WALL+=("$MS"); MAINS+=("$MAIN_CPU")
done

summary() { # summary LABEL VALUES...
  local label="$1"; shift
  sort -n <<<"$(printf '%s\n' "$@")" | awk -v l="$label" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s min %d median %d max %d (%d runs)\n", l, v[1], m, v[NR], NR }'
}
summary healthy_ms "${WALL[@]}"
summary main_cpu_ms "${MAINS[@]}"
