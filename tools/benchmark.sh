#!/usr/bin/env bash
# Times `apionly generate` end to end as a process on synthetic orgs of N integrations, each with
# 20 objects of 30 fields, and `sf project generate manifest` on the same output beside it; with
# N=1, also a Java hello-world on the same `java` (JAVA, default java on the PATH), as the floor of
# a cold start.
#   tools/benchmark.sh [N...]        (default: 1 100 1000)
#   APIONLY=command   how apionly is started (default: bin/apionly, the launcher with the
#                     class-data-sharing archive; e.g. APIONLY="java -jar target/apionly.jar")
#   RUNS=3            runs per size; the median is reported
# Needs GNU time (/usr/bin/time, Debian package "time") and, for the sf column, tools/sf-cli.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000)
runs="${RUNS:-3}"
read -r -a apionly <<< "${APIONLY:-bin/apionly}"
[ -f target/apionly.jar ] || mvn -B -ntp -q -DskipTests package
[ -x /usr/bin/time ] || { echo "benchmark needs GNU time: apt-get install time" >&2; exit 2; }
sf="$(bash tools/sf-cli.sh 2>/dev/null || true)"
[ -n "$sf" ] || echo "benchmark: the Salesforce CLI could not be installed (bash tools/sf-cli.sh says why); the sf columns show -" >&2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Writes N specs of 20 objects x 30 fields (10 read, 20 edit) into $1/specs.
make_org() {
  local root="$1" n="$2"
  mkdir -p "$root/specs"
  printf '{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"66.0"}\n' \
    > "$root/sfdx-project.json"
  awk -v n="$n" -v dir="$root/specs" 'BEGIN {
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/integration_%04d.yaml", dir, i)
      printf "name: Bench_Integration_%04d\nowner: bench@acme.example\n", i > f
      printf "user:\n  username: bench%04d@acme.example.integration\n  email: bench@acme.example\n", i >> f
      printf "objects:\n" >> f
      for (o = 1; o <= 20; o++) {
        printf "  Object_%02d__c:\n    access: [create, edit]\n    fields:\n", o >> f
        printf "      read: [" >> f
        for (c = 1; c <= 10; c++) printf "%sField_%02d__c", (c > 1 ? ", " : ""), c >> f
        printf "]\n      edit: [" >> f
        for (c = 11; c <= 30; c++) printf "%sField_%02d__c", (c > 11 ? ", " : ""), c >> f
        printf "]\n" >> f
      }
      close(f)
    }
  }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-6s %9s %9s %10s %9s %12s %9s\n' N wall_s cpu_s peak_MiB files sf_manifest_s ratio
declare -A wall_of
for n in "${sizes[@]}"; do
  walls=() cpus=() rss=() sfs=()
  for ((r = 1; r <= runs; r++)); do
    org="$work/org-$n-$r"
    make_org "$org" "$n"
    sync # the specs just written must not be flushed while apionly is timed
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      "${apionly[@]}" generate "$org/specs" --out "$org" -q
    read -r e u s m < "$work/time"
    walls+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"); rss+=("$m")
    if [ -n "$sf" ]; then
      /usr/bin/time -f '%e' -o "$work/sftime" \
        "$sf" project generate manifest --source-dir "$org/force-app" --output-dir "$org/sfm" --json \
        > /dev/null 2>&1
      sfs+=("$(cat "$work/sftime")")
    fi
    files=$(find "$org/force-app" -type f | wc -l)
    # orgs are removed at exit, not here: on a disk mounted with 'discard', deleting a large tree
    # slows file creation for seconds after, and the next run would be timed on that
  done
  w=$(printf '%s\n' "${walls[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  m=$(printf '%s\n' "${rss[@]}" | median)
  wall_of[$n]="$w"
  if [ ${#sfs[@]} -gt 0 ]; then
    sw=$(printf '%s\n' "${sfs[@]}" | median)
    ratio=$(awk -v a="$w" -v b="$sw" 'BEGIN { printf "%.2f", a / b }')
  else
    sw="-" ratio="-"
  fi
  printf '%-6s %9s %9s %10d %9s %12s %9s\n' "$n" "$w" "$c" "$((m / 1024))" "$files" "$sw" "$ratio"
done
if [ -n "${wall_of[1]:-}" ]; then
  mkdir -p "$work/hello"
  printf 'class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    > "$work/hello/Hello.java"
  # for Java 17, the oldest apionly runs on, whichever javac is on the PATH
  javac --release 17 -d "$work/hello" "$work/hello/Hello.java"
  hellos=()
  for ((r = 1; r <= runs; r++)); do
    # in milliseconds: GNU time reports hundredths, too coarse for a run of some 40 ms
    start=$EPOCHREALTIME
    "${JAVA:-java}" -cp "$work/hello" Hello > /dev/null
    end=$EPOCHREALTIME
    hellos+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  h=$(printf '%s\n' "${hellos[@]}" | median)
  awk -v a="${wall_of[1]}" -v h="$h" \
    'BEGIN { printf "one spec cold: %.2fx a Java hello-world (%s s)\n", a / h, h }'
fi
if [ -n "${wall_of[100]:-}" ] && [ -n "${wall_of[1000]:-}" ]; then
  awk -v a="${wall_of[100]}" -v b="${wall_of[1000]}" \
    'BEGIN { printf "scaling: 10x the input (100 -> 1000) took %.2fx the time\n", b / a }'
fi
