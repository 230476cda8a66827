#!/usr/bin/env bash
# Runs the knowledge-base search benchmarks and prints their tables; figures go to
# docs/benchmarks.md.
#
#   bench/kb_run.sh [SIZES] [QUERIES]    (default 1000,10000,100000 articles, 2000 queries)
#
# 1. faq: quality on StackFAQ ($SVAR_SHARED_DATA/faq): hit@1, hit@3, MRR of plain Xapian BM25
#    (the baseline, in the same run), of svar's search from text alone, and of svar after
#    learning from the other half of the queries (helpful votes of earlier customers).
#    Deterministic: one run is enough.
# 2. latency: search and suggest, in-process, median and p99 at each size of generated
#    English/Danish knowledge base (single thread; the machine's load moves the absolute
#    figures, so report the load with them).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000,10000,100000}
queries=${2:-2000}
data=${SVAR_SHARED_DATA:-../shared/data}
build=${SVAR_BUILD_DIR:-build}
if [ "$build" = build ]; then
  scripts/build.sh kb_bench >/dev/null
else
  ninja -C "$build" kb_bench >/dev/null
fi
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== kb_bench faq"
if [ -d "$data/faq" ]; then
  "$build"/bench/kb_bench --workload=faq --data="$data/faq"
else
  echo "(skipped: $data/faq not found; set SVAR_SHARED_DATA)"
fi
echo
echo "== kb_bench latency ($queries queries per size; milliseconds)"
"$build"/bench/kb_bench --workload=latency --sizes="$sizes" --queries="$queries"
