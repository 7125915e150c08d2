#!/usr/bin/env bash
# Readiness at scale: start the packaged app on a fresh embedded database, import a generated
# organisation (10,000 services by default), push 60 facts to every service, save a scorecard over
# them, and time its evaluation on the server (all services, then one at a time). Prints key=value
# lines and writes them to bench/results/<date>-readiness.txt.
#
# Usage: bench/scripts/readiness-run.sh [path/to/tandem.jar]
# Needs: ./mvnw -q -B -DskipTests package (the app jar and bench/target/tandem-bench.jar)
# Tunables: CHECKS (60), REPEAT (7), SINGLES (50), HEAP (1g), SEED (42), SERVICES (generator default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
APP_JAR="${1:-tandem-app/target/tandem.jar}"
BENCH_JAR="bench/target/tandem-bench.jar"
HEAP="${HEAP:-1g}"
log() { printf '[readiness-run %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ -f "$APP_JAR" && -f "$BENCH_JAR" ]] || die "build first: ./mvnw -q -B -DskipTests package"
bench() { java -jar "$BENCH_JAR" "$@"; }

WORK="$(mktemp -d -t tandem-readiness.XXXXXX)"
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(( 20000 + RANDOM % 40000 ))
URL="http://127.0.0.1:$PORT"
PW="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"

log "starting $APP_JAR on $URL (-Xmx$HEAP)"
LAUNCH_MS=$(date +%s%3N)
TANDEM_DATA_DIR="$WORK/data" TANDEM_ADMIN_PASSWORD="$PW" java "-Xmx$HEAP" -jar "$APP_JAR" "--server.port=$PORT" \
  --tandem.readiness.collect-delay=PT24H >"$WORK/app.log" 2>&1 &
APP_PID=$!
bench wait-healthy --url "$URL" --timeout 180 --since-epoch-ms "$LAUNCH_MS" >/dev/null || { tail -40 "$WORK/app.log" >&2; die "not healthy"; }

TOKEN="$(curl -fsS -u "admin:$PW" -H 'Content-Type: application/json' -d '{"name":"bench","username":"admin"}' \
  "$URL/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[[ -n "$TOKEN" ]] || die "no API token"

GEN_ARGS=(--out "$WORK/catalog-info.yaml" --seed "${SEED:-42}")
[[ -n "${SERVICES:-}" ]] && GEN_ARGS+=(--services "$SERVICES")
bench generate "${GEN_ARGS[@]}" >/dev/null
bench load --url "$URL" --token "$TOKEN" --timeout 20m "$WORK/catalog-info.yaml" | grep -E '^(status|elapsed_ms)=' >&2

log "pushing facts and timing the scorecard"
OUT="$(bench readiness --url "$URL" --token "$TOKEN" --checks "${CHECKS:-60}" --repeat "${REPEAT:-7}" --singles "${SINGLES:-50}")"
HEAP_USED="$(curl -sS "$URL/actuator/prometheus" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}')"
RESULT="bench/results/$(date -u +%Y-%m-%d)-readiness.txt"
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -n1), -Xmx$HEAP, embedded H2"
  echo "$OUT"
  echo "heap_used_mb_after=$HEAP_USED"
} | tee "$RESULT"
log "written to $RESULT"
