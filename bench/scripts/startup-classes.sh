#!/usr/bin/env bash
# Writes tandem-app/src/main/resources/META-INF/tandem/startup-classes.txt: the classes that the packaged
# server loads from the jars nested in tandem.jar between launch and /actuator/health answering UP, in the
# order they are loaded. dev.tandem.ClassPreloader loads them on a second core while the main thread
# starts Spring. Run it after a dependency upgrade or a new module, then package again:
#
#   ./mvnw -B -o -q -pl tandem-app -am package -DskipTests
#   bench/scripts/startup-classes.sh
#   ./mvnw -B -o -q -pl tandem-app -am package -DskipTests
#
# A stale list is harmless: names that no longer exist are skipped, classes missing from it are loaded
# by the main thread as they would be without the list.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
APP_JAR="${1:-tandem-app/target/tandem.jar}"
OUT="tandem-app/src/main/resources/META-INF/tandem/startup-classes.txt"
PORT="${PORT:-18089}"
URL="http://127.0.0.1:$PORT/actuator/health"
[[ -f "$APP_JAR" ]] || { echo "$APP_JAR not found; package it first" >&2; exit 1; }

WORK="$(mktemp -d -t tandem-classes.XXXXXX)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# In the launching JVM (TANDEM_RELAUNCH=false): the log must see the classes come from the nested jars. The
# names are the same in a relaunched server, which loads them from the extracted jars and its class archive.
TANDEM_RELAUNCH=false TANDEM_DATA_DIR="$WORK/data" TANDEM_ADMIN_PASSWORD="startup-classes-pw" \
  java -Dtandem.preload-classes=false "-Xlog:class+load=info:file=$WORK/classes.log" \
  -jar "$APP_JAR" "--server.port=$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1200); do
  if curl -s --max-time 1 "$URL" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
cp "$WORK/classes.log" "$WORK/until-up.log"   # only what was loaded before healthy

{
  echo "# Classes loaded from the nested jars of tandem.jar before /actuator/health answered UP, in load order."
  echo "# Written by bench/scripts/startup-classes.sh; read by dev.tandem.ClassPreloader."
  sed -n 's/^\[[^]]*\]\[[^]]*\]\[[^]]*\] \([^ ]*\) source: jar:nested:.*/\1/p' "$WORK/until-up.log"
} >"$OUT"
echo "$(grep -vc '^#' "$OUT") classes written to $OUT"
