#!/usr/bin/env bash
# Start-up of the packaged server in four ways, alternating run by run so that a change in the machine's
# load hits all of them alike. Builds nothing; each run is one `startup.sh 1` (fresh embedded H2).
#
# Usage (from anywhere inside the repository):
#   bench/scripts/startup-compare.sh [ROUNDS] [path/to/tandem.jar]      # ROUNDS defaults to 5
#
# The four ways:
#   relaunch+aot   plain `java -jar tandem.jar`: server JVM with the class archive, ahead-of-time bean definitions
#   relaunch       TANDEM_AOT=false: server JVM with the class archive, bean definitions computed at start
#   inproc+aot     TANDEM_RELAUNCH=false: the launching JVM serves, with the JVM's defaults, ahead-of-time definitions
#   inproc         TANDEM_RELAUNCH=false TANDEM_AOT=false: the launching JVM serves as a plain Spring Boot jar would
# Each relaunching way has a cache of its own (its archive is written by a start of the same way); before
# the rounds, one `tandem prepare` per cache writes it, timed and listed as "prepare", then one run per
# way from a fresh cache without prepare is listed as "cold".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-5}"
APP_JAR="${2:-tandem-app/target/tandem.jar}"
WORK="$(mktemp -d -t tandem-compare.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

declare -A ENVS=(
  [relaunch+aot]=""
  [relaunch]="TANDEM_AOT=false"
  [inproc+aot]="TANDEM_RELAUNCH=false"
  [inproc]="TANDEM_RELAUNCH=false TANDEM_AOT=false"
)
ORDER=(relaunch+aot relaunch inproc+aot inproc)

run() { # run WAY CACHE_DIR LABEL: one start, printed with its way and label
  local way="$1" cache="$2" label="$3" line
  line="$(env ${ENVS[$way]} CACHE_DIR="$cache" bench/scripts/startup.sh 1 "$APP_JAR" | sed -n '3p')"
  printf '%-13s %-8s %s\n' "$way" "$label" "$line"
}

printf '# %s, %s, nproc %s, jar %s (%s bytes), %s rounds\n' "$(date -u +%FT%TZ)" "$(java -version 2>&1 | head -n1)" \
  "$(nproc)" "$APP_JAR" "$(stat -c %s "$APP_JAR")" "$ROUNDS"
printf '%-13s %-8s %-4s %10s %10s %10s %12s %6s %-9s %s\n' way label run healthy_ms spring_s cpu_ms main_cpu_ms load1 jvm_cache aot
for way in relaunch+aot relaunch; do
  run "$way" "$WORK/cold-$way" cold
  start="$(date +%s%N)"
  env ${ENVS[$way]} TANDEM_CACHE_DIR="$WORK/cache-$way" java -jar "$APP_JAR" prepare >/dev/null
  printf '%-13s %-8s %s ms\n' "$way" prepare "$(( ($(date +%s%N) - start) / 1000000 ))"
done
for ((r = 1; r <= ROUNDS; r++)); do
  for way in "${ORDER[@]}"; do
    run "$way" "$WORK/cache-$way" "round$r"
  done
done | tee "$WORK/rounds.txt"
echo "# healthy_ms per way over the rounds: min / median / max"
for way in "${ORDER[@]}"; do
  awk -v w="$way" '$1 == w { print $4 }' "$WORK/rounds.txt" | sort -n | awk -v w="$way" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%-13s %d / %d / %d ms (%d runs)\n", w, v[1], m, v[NR], NR }'
done
