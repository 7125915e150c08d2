#!/usr/bin/env bash
# Tandem scale run: start the packaged app, import a generated 10k-service organisation through
# the API, load the paginated API and HTML list pages with wrk, record heap use and shutdown,
# and write everything to bench/results/<date>-scale.md.
#
# Usage (from anywhere inside the repository):
#   bench/scripts/scale-run.sh [path/to/tandem.jar]
#
# Prerequisites: tandem-app/target/tandem.jar and bench/target/tandem-bench.jar are built
#   ./mvnw -q -B package
#
# Tunables (environment): DURATION (30s), THREADS (2), CONNECTIONS (32), PAGES (200), PAGE_SIZE (50),
#   WARMUP (60s, an unmeasured wrk run before each measured one), HEAP (512m), SEED (42), SERVICES/TEAMS/PEOPLE/SYSTEMS/RESOURCES (generator defaults),
#   STARTUP_TIMEOUT (120), SECOND_OPINION=1 (also run the Java load-test), KEEP_WORKDIR=1,
#   JAVA_OPTS (more JVM options for the server, after -Xmx; TANDEM_RELAUNCH=false serves without the child JVM),
#   DURING_FACTS=1 (measure while the first readiness fact collection still runs; by default the warm-up
#   goes on until it has finished).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

APP_JAR="${1:-tandem-app/target/tandem.jar}"
BENCH_JAR="bench/target/tandem-bench.jar"
LUA="bench/scripts/pages.lua"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-60s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PAGES="${PAGES:-200}"
PAGE_SIZE="${PAGE_SIZE:-50}"
HEAP="${HEAP:-512m}"
SEED="${SEED:-42}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-120}"
read -r -a SERVER_OPTS <<<"${JAVA_OPTS:-}"

log() { printf '[scale-run %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ -f "$APP_JAR" ]] || die "$APP_JAR not found; build it with ./mvnw -q -B package"
[[ -f "$BENCH_JAR" ]] || die "$BENCH_JAR not found; build it with ./mvnw -q -B -pl bench package"
command -v java >/dev/null || die "java not on PATH"
command -v curl >/dev/null || die "curl not on PATH"

# ------------------------------------------------------------------ tools
apt_install() {
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  log "installing $*"
  $sudo apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$@" >/dev/null 2>&1; }
}
command -v wrk >/dev/null || apt_install wrk || log "wrk unavailable; falling back to the Java load-test"
command -v jq >/dev/null || apt_install jq || log "jq unavailable; parsing JSON with sed"
HAVE_WRK=0; command -v wrk >/dev/null && HAVE_WRK=1
HAVE_JQ=0; command -v jq >/dev/null && HAVE_JQ=1

bench() { java -jar "$BENCH_JAR" "$@"; }
# Value of key=value in harness output.
kv() { sed -n "s/^$1=//p" | head -n1; }
json_field() { # json_field FIELD < json
  if [[ $HAVE_JQ -eq 1 ]]; then jq -r --arg f "$1" '.[$f] // empty'
  else sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" | head -n1
  fi
}

# ------------------------------------------------------------------ workspace and port
WORK="$(mktemp -d -t tandem-scale.XXXXXX)"
DATA_DIR="$WORK/data"
mkdir -p "$DATA_DIR"
APP_LOG="$WORK/app.log"
APP_PID=""

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    sleep 5
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_WORKDIR:-0}" == 1 ]]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if port_free "$candidate"; then PORT="$candidate"; break; fi
done
[[ -n "$PORT" ]] || die "no free port found"
URL="http://127.0.0.1:$PORT"

PW="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"

# ------------------------------------------------------------------ start and wait for health
log "starting $APP_JAR on $URL (data dir $DATA_DIR, -Xmx$HEAP)"
LAUNCH_MS=$(date +%s%3N)
TANDEM_DATA_DIR="$DATA_DIR" TANDEM_ADMIN_PASSWORD="$PW" \
  java "-Xmx$HEAP" "${SERVER_OPTS[@]}" -jar "$APP_JAR" "--server.port=$PORT" >"$APP_LOG" 2>&1 &
APP_PID=$!

if ! HEALTH_OUT="$(bench wait-healthy --url "$URL" --timeout "$STARTUP_TIMEOUT" --since-epoch-ms "$LAUNCH_MS")"; then
  tail -n 40 "$APP_LOG" >&2 || true
  die "server did not become healthy"
fi
STARTUP_MS="$(kv healthy_ms <<<"$HEALTH_OUT")"
log "healthy after ${STARTUP_MS} ms"
# `java -jar tandem.jar` serves from a child JVM with tuned options (ServerJvm) unless TANDEM_RELAUNCH=false.
SERVER_PID="$(pgrep -P "$APP_PID" java | head -n1 || true)"
SERVER_PID="${SERVER_PID:-$APP_PID}"
SERVER_ARGS="$(ps -o args= -p "$SERVER_PID" | sed 's/ -D[^ ]*password[^ ]*//I' || true)"
log "serving JVM: $SERVER_ARGS"

# ------------------------------------------------------------------ API token
TOKEN_JSON="$(curl -fsS -u "admin:$PW" -X POST -H 'Content-Type: application/json' \
  -d '{"name":"bench","username":"admin"}' "$URL/api/v1/tokens")" || die "token creation failed"
TOKEN="$(json_field token <<<"$TOKEN_JSON")"
[[ -n "$TOKEN" ]] || die "no token in answer: $TOKEN_JSON"
log "API token created"

# ------------------------------------------------------------------ generate and import
CATALOG="$WORK/catalog-info.yaml"
GEN_ARGS=(--out "$CATALOG" --seed "$SEED")
[[ -n "${TEAMS:-}" ]] && GEN_ARGS+=(--teams "$TEAMS")
[[ -n "${PEOPLE:-}" ]] && GEN_ARGS+=(--people "$PEOPLE")
[[ -n "${SYSTEMS:-}" ]] && GEN_ARGS+=(--systems "$SYSTEMS")
[[ -n "${SERVICES:-}" ]] && GEN_ARGS+=(--services "$SERVICES")
[[ -n "${RESOURCES:-}" ]] && GEN_ARGS+=(--resources "$RESOURCES")
GEN_OUT="$(bench generate "${GEN_ARGS[@]}")"
GEN_DOCS="$(kv documents <<<"$GEN_OUT" | cut -d' ' -f1)"
GEN_BYTES="$(kv bytes <<<"$GEN_OUT")"
GEN_MS="$(sed -n 's/.*generate_ms=\([0-9]*\).*/\1/p' <<<"$GEN_OUT")"
GEN_COUNTS="$(sed -n 's/^documents=[0-9]* //p' <<<"$GEN_OUT")"
log "generated $GEN_DOCS documents ($GEN_BYTES bytes) in $GEN_MS ms"

import_once() { # prints "status|elapsed_ms|body"
  local out rc=0
  out="$(bench load --url "$URL" --token "$TOKEN" "$CATALOG")" || rc=$?
  printf '%s|%s|%s\n' "$(kv status <<<"$out")" "$(kv elapsed_ms <<<"$out")" "$(kv body <<<"$out")"
  return $rc
}
IMPORT1="$(import_once)" || die "first import failed: $IMPORT1"
log "first import: $IMPORT1"
# A second import of the same file measures the no-change path (everything should be 'unchanged').
IMPORT2="$(import_once)" || log "second import failed: $IMPORT2"
log "second import: $IMPORT2"

# ------------------------------------------------------------------ HTML session
COOKIES="$WORK/cookies.txt"
LOGIN_PAGE="$(curl -fsS -c "$COOKIES" "$URL/login")" || die "GET /login failed"
# Hidden CSRF input, whatever the attribute order: <input type="hidden" name="_csrf" value="...">
CSRF_INPUT="$(grep -o '<input[^>]*csrf[^>]*>' <<<"$LOGIN_PAGE" | head -n1 || true)"
CSRF_NAME="$(sed -n 's/.*name="\([^"]*\)".*/\1/p' <<<"$CSRF_INPUT")"
CSRF_VALUE="$(sed -n 's/.*value="\([^"]*\)".*/\1/p' <<<"$CSRF_INPUT")"
LOGIN_ARGS=(--data-urlencode "username=admin" --data-urlencode "password=$PW")
if [[ -n "$CSRF_NAME" && -n "$CSRF_VALUE" ]]; then
  LOGIN_ARGS+=(--data-urlencode "$CSRF_NAME=$CSRF_VALUE")
else
  # Cookie-based CSRF repository: echo the XSRF-TOKEN cookie back as a header.
  XSRF="$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES" | tail -n1)"
  [[ -n "$XSRF" ]] && LOGIN_ARGS+=(-H "X-XSRF-TOKEN: $XSRF" --data-urlencode "_csrf=$XSRF")
fi
LOGIN_REDIRECT="$(curl -sS -o /dev/null -w '%{redirect_url}' -b "$COOKIES" -c "$COOKIES" \
  "${LOGIN_ARGS[@]}" "$URL/login")" || die "POST /login failed"
[[ "$LOGIN_REDIRECT" == *error* ]] && die "login rejected (redirect to $LOGIN_REDIRECT)"
# Session ids are rotated on login, so read the jar afterwards. HttpOnly cookies are prefixed "#HttpOnly_".
SESSION="$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES" | tail -n1)"
[[ -n "$SESSION" ]] || die "no JSESSIONID after login"
HTML_CHECK="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$SESSION" "$URL/services?page=0")"
[[ "$HTML_CHECK" == 200 ]] || log "WARNING: /services?page=0 answered $HTML_CHECK with the session cookie"
log "signed in for HTML pages"

# ------------------------------------------------------------------ load
API_PATH="/api/v1/services?page={page}&size=$PAGE_SIZE"
HTML_PATH="/services?page={page}"

WAIT_FOR_FACTS=1; [[ "${DURING_FACTS:-0}" == 1 ]] && WAIT_FOR_FACTS=0
declare -A MEASURED_FROM
run_wrk() { # run_wrk NAME PATH TOKEN COOKIE
  local name="$1" path="$2" token="$3" cookie="$4" out="$WORK/wrk-$1.txt"
  if [[ "$WARMUP" != "0" && "$WARMUP" != "0s" ]]; then
    # The JIT compiles the hot paths during the first seconds; that phase is measured separately at start-up.
    log "wrk $name: warm-up $WARMUP (not measured)"
    PAGE_PATH="$path" PAGES="$PAGES" TANDEM_TOKEN="$token" TANDEM_COOKIE="$cookie" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$URL" >/dev/null 2>&1 || true
  fi
  if [[ "$WAIT_FOR_FACTS" == 1 ]]; then
    # The first readiness fact collection after the import writes facts for every service (paced, a third of
    # one core, several minutes under load). The steady state is measured after it; DURING_FACTS=1 measures
    # beside it instead. The warm-up load goes on meanwhile, so the JIT stays warm.
    local waited=0
    while ! grep -q 'collected facts for' "$APP_LOG" && (( waited < 900 )); do
      PAGE_PATH="$path" PAGES="$PAGES" TANDEM_TOKEN="$token" TANDEM_COOKIE="$cookie" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d15s -s "$LUA" "$URL" >/dev/null 2>&1 || true
      waited=$((waited + 15))
    done
    (( waited > 0 )) && log "wrk $name: $waited s more warm-up until the first fact collection had finished"
  fi
  log "wrk $name: $path (${THREADS}t/${CONNECTIONS}c/$DURATION)"
  MEASURED_FROM[$name]="$(date -u +%H:%M:%S)"
  PAGE_PATH="$path" PAGES="$PAGES" TANDEM_TOKEN="$token" TANDEM_COOKIE="$cookie" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$URL" >"$out" 2>&1 || true
  cat "$out" >&2
}

run_java_load() { # run_java_load NAME PATH TOKEN COOKIE
  local name="$1" path="$2" token="$3" cookie="$4" out="$WORK/java-$1.txt"
  local args=(load-test --url "$URL" --path "$path" --pages "$PAGES" --connections "$CONNECTIONS" --duration "$DURATION")
  [[ -n "$token" ]] && args+=(--token "$token")
  [[ -n "$cookie" ]] && args+=(--cookie "$cookie")
  log "java load-test $name: $path"
  bench "${args[@]}" >"$out" 2>&1 || true
  cat "$out" >&2
}

# wrk output -> "rps|p50|p99|non2xx|socket|non200"
wrk_summary() {
  local f="$1"
  local rps p50 p99 non2xx socket non200
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$f")"
  p50="$(awk '$1 == "50%" {print $2}' "$f")"
  p99="$(awk '$1 == "99%" {print $2}' "$f")"
  non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$f")"
  socket="$(sed -n 's/^ *Socket errors: *//p' "$f")"
  non200="$(awk -F': *' '/^Non-200 responses/ {print $2}' "$f")"
  printf '%s|%s|%s|%s|%s|%s\n' "${rps:-?}" "${p50:-?}" "${p99:-?}" "${non2xx:-0}" "${socket:-none}" "${non200:-?}"
}

java_summary() {
  local f="$1"
  printf '%s|%s ms|%s ms|%s|%s|%s\n' "$(kv rps <"$f")" "$(kv p50_ms <"$f")" "$(kv p99_ms <"$f")" \
    "$(kv non2xx <"$f")" "exceptions $(kv exceptions <"$f")" "$(kv non2xx <"$f")"
}

declare -A RESULT
LOAD_FROM="$(date -u +%H:%M:%S)"
for target in api html; do
  if [[ $target == api ]]; then path="$API_PATH"; token="$TOKEN"; cookie=""
  else path="$HTML_PATH"; token=""; cookie="JSESSIONID=$SESSION"; fi
  if [[ $HAVE_WRK -eq 1 ]]; then
    run_wrk "$target" "$path" "$token" "$cookie"
    RESULT[$target]="wrk|$(wrk_summary "$WORK/wrk-$target.txt")"
  fi
  if [[ $HAVE_WRK -eq 0 || "${SECOND_OPINION:-0}" == 1 ]]; then
    run_java_load "$target" "$path" "$token" "$cookie"
    RESULT[$target-java]="java load-test|$(java_summary "$WORK/java-$target.txt")"
  fi
done

LOAD_TO="$(date -u +%H:%M:%S)"
# The server collects readiness facts for every service a minute after start (paced, see performance.md,
# "Background work"); say whether that run overlapped the load.
FACT_RUNS="$(grep -o 'T[0-9:]*\.[0-9]*Z.*collected facts for.*' "$APP_LOG" | sed 's/^T\([0-9:]*\)\.[0-9]*Z.*collected facts/\1 UTC: collected facts/' | paste -sd ';' - || true)"

# ------------------------------------------------------------------ heap after load
HEAP_INFO="$(jcmd "$SERVER_PID" GC.heap_info 2>&1 || echo "jcmd failed")"
PROM="$(curl -sS -H "Authorization: Bearer $TOKEN" "$URL/actuator/prometheus" || true)"
HEAP_LINES="$(grep '^jvm_memory_used_bytes{.*area="heap"' <<<"$PROM" || true)"
HEAP_USED_MB="$(awk '{s += $NF} END {if (NR) printf "%.1f", s / 1048576; else print "?"}' <<<"$HEAP_LINES")"
RSS_KB="$(ps -o rss= -p "$SERVER_PID" | tr -d ' ' || true)"
LAUNCHER_RSS_KB=""
[[ "$SERVER_PID" == "$APP_PID" ]] || LAUNCHER_RSS_KB="$(ps -o rss= -p "$APP_PID" | tr -d ' ' || true)"

# ------------------------------------------------------------------ shutdown
log "stopping server (SIGTERM)"
STOP_START=$(date +%s%3N)
kill -TERM "$APP_PID"
EXIT_CODE=""
for _ in $(seq 1 300); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
  sleep 0.1
done
if kill -0 "$APP_PID" 2>/dev/null; then
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  SHUTDOWN="NOT graceful: still running 30 s after SIGTERM, killed"
else
  wait "$APP_PID" 2>/dev/null && EXIT_CODE=0 || EXIT_CODE=$?
  STOP_MS=$(( $(date +%s%3N) - STOP_START ))
  # 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
  if [[ "$EXIT_CODE" == 0 || "$EXIT_CODE" == 143 ]]; then
    SHUTDOWN="graceful: exited with $EXIT_CODE after $STOP_MS ms"
  else
    SHUTDOWN="NOT graceful: exit code $EXIT_CODE after $STOP_MS ms"
  fi
  grep -q 'Graceful shutdown complete' "$APP_LOG" && SHUTDOWN="$SHUTDOWN; log says 'Graceful shutdown complete'"
fi
APP_PID=""
ERRORS_IN_LOG="$(grep -c -E '\bERROR\b' "$APP_LOG" || true)"
log "$SHUTDOWN"

# ------------------------------------------------------------------ report
mkdir -p bench/results
OUT="bench/results/$(date +%F)-scale.md"
n=2
while [[ -e "$OUT" ]]; do OUT="bench/results/$(date +%F)-scale-$n.md"; n=$((n + 1)); done

IFS='|' read -r I1_STATUS I1_MS I1_BODY <<<"$IMPORT1"
IFS='|' read -r I2_STATUS I2_MS I2_BODY <<<"$IMPORT2"
# Only the counts: the answer also lists every entity, thousands of them.
counts() { grep -oE '"(created|updated|unchanged|skipped)":[0-9]+' | paste -sd, -; }
I1_BODY=$(counts <<<"$I1_BODY")
I2_BODY=$(counts <<<"$I2_BODY")

{
  echo "# Tandem scale run, $(date '+%F %H:%M %Z')"
  echo
  echo "- Commit: \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git diff --quiet HEAD -- 2>/dev/null || echo ' with uncommitted changes to tracked files'), app jar \`$APP_JAR\`"
  echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- JVM: $(java -version 2>&1 | head -n1), server started with \`java -Xmx$HEAP ${JAVA_OPTS:+$JAVA_OPTS }-jar\`; serving JVM: \`$SERVER_ARGS\`"
  echo "- Organisation: $GEN_COUNTS (seed $SEED)"
  echo "- Load: $THREADS threads, $CONNECTIONS connections, $DURATION per target after an unmeasured $WARMUP warm-up, pages drawn from [0, $PAGES)"
  echo "- Load window (warm-ups included): $LOAD_FROM–$LOAD_TO UTC, measured runs from ${MEASURED_FROM[api]:-?} (API) and ${MEASURED_FROM[html]:-?} (HTML); background fact collection: ${FACT_RUNS:-none finished by then}$([[ $WAIT_FOR_FACTS == 1 ]] && echo ' (measured after it)' || echo ' (DURING_FACTS=1: measured beside it)')"
  echo
  echo "## Startup and import"
  echo
  echo "| Measurement | Value |"
  echo "|---|---|"
  echo "| Launch to healthy | $STARTUP_MS ms |"
  echo "| Generate catalogue ($GEN_DOCS documents, $GEN_BYTES bytes) | $GEN_MS ms |"
  echo "| First import (HTTP $I1_STATUS) | $I1_MS ms |"
  echo "| First import summary | \`$I1_BODY\` |"
  echo "| Re-import of the same file (HTTP $I2_STATUS) | $I2_MS ms |"
  echo "| Re-import summary | \`$I2_BODY\` |"
  echo
  echo "## List pages under load"
  echo
  echo "| Target | Tool | Requests/s | p50 | p99 | Non-2xx/3xx | Socket errors | Non-200 (script) |"
  echo "|---|---|---|---|---|---|---|---|"
  for key in api api-java html html-java; do
    [[ -n "${RESULT[$key]:-}" ]] || continue
    case $key in api*) label="\`GET ${API_PATH/\{page\}/N}\` (Bearer token)" ;;
                 *) label="\`GET ${HTML_PATH/\{page\}/N}\` (session cookie)" ;; esac
    IFS='|' read -r tool rps p50 p99 non2xx socket non200 <<<"${RESULT[$key]}"
    echo "| $label | $tool | $rps | $p50 | $p99 | $non2xx | $socket | $non200 |"
  done
  echo
  echo "## Memory after load"
  echo
  echo "| Measurement | Value |"
  echo "|---|---|"
  echo "| Heap used (sum of \`jvm_memory_used_bytes{area=\"heap\"}\`) | $HEAP_USED_MB MiB |"
  echo "| Resident set size | $(( ${RSS_KB:-0} / 1024 )) MiB |"
  [[ -z "$LAUNCHER_RSS_KB" ]] || echo "| Resident set size of the launching JVM (waits for the server) | $(( LAUNCHER_RSS_KB / 1024 )) MiB |"
  echo
  echo '```'
  echo "$HEAP_INFO"
  echo
  echo "$HEAP_LINES"
  echo '```'
  echo
  echo "## Shutdown"
  echo
  echo "- SIGTERM: $SHUTDOWN"
  echo "- ERROR lines in the server log: $ERRORS_IN_LOG"
  if [[ $HAVE_WRK -eq 1 ]]; then
    for target in api html; do
      echo
      echo "<details><summary>wrk output: $target</summary>"
      echo
      echo '```'
      cat "$WORK/wrk-$target.txt"
      echo '```'
      echo "</details>"
    done
  fi
} >"$OUT"

log "results written to $OUT"
cat "$OUT"
