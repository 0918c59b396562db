#!/usr/bin/env bash
# Times `apionly usage` on MEGABYTES of generated Event Monitoring logs (five event types, the
# columns Salesforce documents, every value quoted) against Python's csv module only reading the
# same files, and reports both times, their ratio and apionly's peak resident memory.
#   tools/usage-benchmark.sh [MEGABYTES]   (default: 300)
#   APIONLY=command   how apionly is started (default: bin/apionly)
#   RUNS=3            runs of each; the median is reported
# The target: apionly in at most half Python's time, in at most 512 MiB.
# Needs GNU time (/usr/bin/time, Debian package "time") and python3. The logs are made by the
# test suite's generator (src/test/java/dev/apionly/usage/EventLogs.java).
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes="${1:-300}"
runs="${RUNS:-3}"
read -r -a apionly <<< "${APIONLY:-bin/apionly}"
[ -x /usr/bin/time ] || { echo "benchmark needs GNU time: apt-get install time" >&2; exit 2; }
command -v python3 > /dev/null || { echo "benchmark needs python3" >&2; exit 2; }
[ -f target/apionly.jar ] || mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q test-compile
classpath="target/test-classes:target/apionly.jar"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$classpath" dev.apionly.usage.EventLogs "$work" "$megabytes"
# the generator's first four users are the integrations'
mkdir -p "$work/specs"
for i in 0 1 2 3; do
  printf 'name: Bench_Integration_%s\nowner: bench@acme.example\nuser:\n  username: user%s@acme.example.integration\n  email: bench@acme.example\nobjects:\n  Account:\n    access: read\n  Contact:\n    access: [read, create, edit]\n  Lead:\n    access: read\n' \
    "$i" "$i" > "$work/specs/integration_$i.yaml"
done
bytes=$(du -cb "$work"/logs/*.csv | tail -1 | cut -f1)
echo "logs: $((bytes / 1024 / 1024)) MiB in $(find "$work/logs" -name "*.csv" | wc -l) files"

# prints "wall_seconds peak_kib" of one run of the command after --
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err" || {
    cat "$work/err" >&2
    exit 1
  }
  cat "$work/time"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

python_read='
import csv, sys
rows = 0
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            rows += 1
print(rows)
'
: > "$work/python"
: > "$work/apionly"
: > "$work/rss"
for _ in $(seq "$runs"); do
  measure python3 -c "$python_read" "$work"/logs/*.csv | cut -d' ' -f1 >> "$work/python"
  read -r wall rss < <(measure "${apionly[@]}" usage "$work/specs" --logs "$work/logs" \
    --users "$work/users.csv" --format json --out "$work/usage.json" -q)
  echo "$wall" >> "$work/apionly"
  echo "$rss" >> "$work/rss"
done
python=$(median < "$work/python")
ours=$(median < "$work/apionly")
rss=$(sort -n "$work/rss" | tail -1)
awk -v p="$python" -v a="$ours" -v r="$rss" -v n="$runs" 'BEGIN {
  printf "python csv, reading only: %.2f s (median of %d)\n", p, n
  printf "apionly usage:            %.2f s (median of %d), peak RSS %d MiB (highest run)\n", a, n, r / 1024
  printf "ratio apionly / python:   %.2f (target: at most 0.50); memory target: at most 512 MiB\n", a / p
}'
