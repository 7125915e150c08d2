#!/usr/bin/env bash
# The same SLOs and minute data in Tandem's engine and in a Prometheus server (Debian's package) running
# the generated rules: backfills the data with promtool, starts Prometheus on a free loopback port,
# waits for a few rule evaluations, then prints both evaluation times and whether the numbers agree.
#   bench/scripts/slo-side-by-side.sh [SLOS=200] [DAYS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
slos=${1:-200}
days=${2:-3}
jar=bench/target/tandem-bench.jar
[ -f "$jar" ] || ./mvnw -q -B -pl bench -am package -DskipTests
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
end_minute=$(( $(date +%s) / 60 - 2 ))
java -cp "$jar" dev.tandem.bench.slo.SloSideBySide "$work" "$slos" "$days" "$end_minute"
promtool tsdb create-blocks-from openmetrics "$work/data.om" "$work/data" >/dev/null
rm "$work/data.om"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'global:\n  evaluation_interval: 15s\nrule_files:\n  - %s/rules.yaml\n' "$work" > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" --storage.tsdb.retention.time=60d \
  --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.5; done
sleep 40   # a few evaluation rounds of every group
java -cp "$jar" dev.tandem.bench.slo.SloSideBySide "$work" "$slos" "$days" "$end_minute" --compare "http://127.0.0.1:$port"
