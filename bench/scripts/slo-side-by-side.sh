#!/usr/bin/env bash
# The same SLOs and minute data in Tandem's engine and in a Prometheus server (Debian's package) running
# the generated rules. Writes the data straight as TSDB blocks (one per UTC day) and the rules file,
# starts Prometheus on a free loopback port, waits until every SLO's rule group has been evaluated, measures
# one more evaluation interval, reloads it without the rules and asks for sampled ratios, stops Prometheus, then loads the same minutes
# into Tandem's engine, times it and prints both sides and whether the numbers agree.
#   bench/scripts/slo-side-by-side.sh [SLOS=200] [DAYS=3] [EVALUATION_INTERVAL_SECONDS]
# The interval defaults to 15 s up to 500 SLOs, 60 s up to 2,000 and 300 s above, so that a round of all
# groups fits in it on two cores. KEEP=1 keeps the working directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
slos=${1:-200}
days=${2:-3}
interval=${3:-$(( slos <= 500 ? 15 : slos <= 2000 ? 60 : 300 ))}
jar=bench/target/tandem-bench.jar
[ -f "$jar" ] || ./mvnw -q -B -pl bench -am package -DskipTests
work=$(mktemp -d)
cleanup() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
end_minute=${END_MINUTE:-$(( $(date +%s) / 60 - 2 ))}   # END_MINUTE (epoch minutes) to choose the end
echo "$(date -u +%FT%TZ) $slos SLOs x $days days, evaluation interval ${interval}s, nproc $(nproc), load $(cut -d" " -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$jar" dev.tandem.bench.slo.SloSideBySide write "$work" "$slos" "$days" "$end_minute"
blocks=$(find "$work/data" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "blocks: $blocks, $(du -sh "$work/data" | cut -f1) on disk"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'global:\n  evaluation_interval: %ss\nrule_files:\n  - %s/rules-*.yaml\n' "$interval" "$work" > "$work/prometheus.yml"
# min = max block duration: the compactor plans nothing for the written blocks while we measure.
# Retention longer than the data, so no block is deleted.
started=$(date +%s.%N)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --storage.tsdb.retention.time=$(( days + 30 ))d \
  --storage.tsdb.min-block-duration=2h --storage.tsdb.max-block-duration=2h \
  --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null || { tail -20 "$work/prometheus.log"; exit 1; }
echo "prometheus ready after $(python3 -c "import time; print(round(time.time() - $started, 1))") s"
java -Xmx512m -cp "$jar" dev.tandem.bench.slo.SloSideBySide prometheus "$work" "$slos" "$days" "$end_minute" "http://127.0.0.1:$port" "$interval"
# Unload the rules (reload without rule_files) so the sampled queries do not queue behind rule evaluations.
printf 'global:\n  evaluation_interval: %ss\n' "$interval" > "$work/prometheus.yml"
kill -HUP "$pid"
for _ in $(seq 1 600); do [ "$(grep -c 'Completed loading of configuration' "$work/prometheus.log")" -ge 2 ] && break; sleep 0.5; done
java -Xmx512m -cp "$jar" dev.tandem.bench.slo.SloSideBySide ratios "$work" "$slos" "$days" "$end_minute" "http://127.0.0.1:$port"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
echo "blocks after the run: $(find "$work/data" -mindepth 1 -maxdepth 1 -type d -name '0*' | wc -l); compactions logged: $(grep -c 'compact blocks' "$work/prometheus.log" || true)"
grep -v '^#' "$work/prometheus.properties" | grep -v '^ratio\.' | sort | tr '\n' ' '; echo
java -Xmx2g -cp "$jar" dev.tandem.bench.slo.SloSideBySide tandem "$work" "$slos" "$days" "$end_minute"
echo "load at the end: $(cut -d" " -f1-3 /proc/loadavg)"
