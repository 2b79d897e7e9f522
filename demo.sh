#!/usr/bin/env bash
# sonde demo: builds what is needed, runs the sample shop under the agent, drives load, then prints
# the ranked table and leaves the JSON report, the HTML report and a CPU flame graph in one directory.
#
#   ./demo.sh              about 30 s of load
#   DEMO_SECONDS=5 ./demo.sh   a short run (used by the tests)
#
# Needs only a JDK (17+) and Maven. Everything runs on 127.0.0.1; everything started is stopped,
# also on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${DEMO_SECONDS:-30}"
port="${DEMO_PORT:-18080}"
out="${DEMO_OUT:-$PWD/demo-out/$(date +%Y%m%d-%H%M%S)}"
agent=agent/target/sonde-agent.jar
app=sample-app/target/sample-app.jar

if [ "${DEMO_SKIP_BUILD:-}" != "1" ] || [ ! -f "$agent" ] || [ ! -f "$app" ]; then
  echo "demo: building (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
mkdir -p "$out"

app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap 'stop_app; echo; echo "demo: interrupted; partial results in $out"; exit 130' INT TERM
trap 'stop_app' EXIT

echo "demo: starting the sample shop under sonde on 127.0.0.1:$port (log: $out/app.log)"
java "-javaagent:$agent=include=com.example.shop.**Service#*;com.example.shop.**Repository#*,profile=cpu,profile.slow=GET /api/quote/{id}>20ms,out=$out" \
  -jar "$app" --server.port="$port" --server.address=127.0.0.1 > "$out/app.log" 2>&1 &
app_pid=$!

echo "demo: driving load for ${seconds} s"
java -cp sample-app/target/classes com.example.shop.load.LoadDriver --port "$port" --seconds "$seconds" \
  --threads 4 --rate 150 --wait-ready 90

echo "demo: stopping the shop (the report is written at shutdown)"
stop_app
report=$(ls -t "$out"/sonde-report-*.json | head -n 1)

echo
java -jar "$agent" report "$report" --top 10
java -jar "$agent" report "$report" --format html --out "$out/report.html" > /dev/null

echo
echo "demo: results in $out"
echo "  JSON report: $report"
echo "  HTML report: $out/report.html"
flame=$(ls -t "$out"/sonde-profile-*-run.html 2>/dev/null | head -n 1 || true)
recording=$(ls -t "$out"/sonde-profile-*-run.jfr 2>/dev/null | head -n 1 || true)
if [ -z "$flame" ] && [ -n "$recording" ]; then
  # A busy machine: sonde kept the recording rather than overrun its shutdown bound (see app.log).
  echo "  converting the run's recording, which the shutdown left unconverted"
  java -jar "$agent" convert "$recording" --out "${recording%.jfr}.html" > /dev/null && flame="${recording%.jfr}.html"
fi
echo "  flame graph: ${flame:-(none: async-profiler could not run here, see $out/app.log)}"
slow=$(ls -t "$out"/sonde-profile-*-run.GET_api_quote_id.diff.html 2>/dev/null | head -n 1 || true)
echo "  what the slow GET /api/quote/{id} calls do (slow minus normal): ${slow:-(none: see profiles in the JSON report)}"
