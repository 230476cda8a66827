#!/usr/bin/env bash
# Runs the intake benchmarks and prints a table; figures go to docs/benchmarks.md.
#
#   bench/run.sh [RUNS]      (default 5 runs per workload; the median is reported)
#
# 1. intake_bench: parse alone, the serial pipeline, and the batch pipeline of `svar ingest`,
#    on the SpamAssassin corpus in memory, with per-stage wall time and CPU time per message.
# 2. `svar ingest` end to end from the files into a fresh data directory (the real command).
# 3. The baseline in the same invocation: notmuch (parse + Xapian index), `notmuch new` on a
#    Maildir with the same messages. The ratio svar/notmuch is what to compare across
#    machines; absolute figures move with the load of a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${SVAR_SHARED_DATA:-../shared/data}
ham=$data/spamassassin/easy-ham-1
spam=$data/spamassassin/spam-1
if [ ! -d "$ham" ] || [ ! -d "$spam" ]; then
  echo "bench/run.sh: $data/spamassassin not found; set SVAR_SHARED_DATA" >&2
  exit 66
fi
scripts/build.sh svar intake_bench >/dev/null
command -v notmuch >/dev/null || apt-get install -y -qq --no-install-recommends notmuch >/dev/null
command -v bc >/dev/null || apt-get install -y -qq --no-install-recommends bc >/dev/null
n=$(find "$ham" "$spam" -type f ! -name LICENSE | wc -l)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== intake_bench (median of $runs)"
cats="$data/banking77/train.csv"
cat_opt=(); [ -f "$cats" ] && cat_opt=(--categories="$cats")
build/bench/intake_bench --runs="$runs" "${cat_opt[@]}" "$ham" "$spam"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== svar ingest vs notmuch new, $n messages (median of $runs, same invocation)"
mkdir -p "$work/maildir/cur" "$work/maildir/new" "$work/maildir/tmp"
find "$ham" "$spam" -type f ! -name LICENSE -exec cp {} "$work/maildir/cur/" \;
svar_times=() ; nm_times=()
for i in $(seq "$runs"); do
  rm -rf "$work/svar-data"
  s=$(date +%s.%N)
  build/svar --data "$work/svar-data" ingest -q "$ham" "$spam"
  e=$(date +%s.%N)
  svar_times+=("$(echo "$e - $s" | bc)")

  rm -rf "$work/maildir/.notmuch" "$work/notmuch-config"
  printf '[database]\npath=%s\n[new]\ntags=\n[maildir]\nsynchronize_flags=false\n' "$work/maildir" > "$work/notmuch-config"
  s=$(date +%s.%N)
  NOTMUCH_CONFIG="$work/notmuch-config" notmuch new --quiet >/dev/null 2>&1
  e=$(date +%s.%N)
  nm_times+=("$(echo "$e - $s" | bc)")
done
svar_s=$(printf '%s\n' "${svar_times[@]}" | median)
nm_s=$(printf '%s\n' "${nm_times[@]}" | median)
printf '%-28s %8s %10s\n' "command" "seconds" "msg/s"
printf '%-28s %8.2f %10.0f\n' "svar ingest (end to end)" "$svar_s" "$(echo "$n / $svar_s" | bc -l)"
printf '%-28s %8.2f %10.0f\n' "notmuch new (baseline)" "$nm_s" "$(echo "$n / $nm_s" | bc -l)"
printf 'ratio svar/notmuch: %.2fx\n' "$(echo "$nm_s / $svar_s" | bc -l)"
