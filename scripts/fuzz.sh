#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 16 (build-fuzz/) and runs each for SECONDS
# (default 60) on its seed corpus. Usage: scripts/fuzz.sh [SECONDS]
#
# clang 16 implements everything libstdc++ 12's <expected> needs (P0848, conditionally
# trivial special members) but still reports __cpp_concepts as 201907, which hides
# std::expected; the fuzz build raises the macro to 202002. Checked on Debian 12.
# A crash leaves its input as build-fuzz/crash-*; replay it with build-fuzz/fuzz/fuzz_parse FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang-16 CXX=clang++-16 cmake -S . -B build-fuzz -G Ninja -DSVAR_FUZZ=ON -DSVAR_TESTS=OFF \
    -DSVAR_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-Wno-macro-redefined -D__cpp_concepts=202002L" >/dev/null
fi
ninja -C build-fuzz fuzz_parse
work=$(mktemp -d)
cp fuzz/corpus/parse/* "$work"/
cd build-fuzz
./fuzz/fuzz_parse -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$work" 2>&1 | tail -12
rm -rf "$work"
