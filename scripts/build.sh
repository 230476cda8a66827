#!/usr/bin/env bash
# Builds svar and its tests in build/ (Release with debug info). Installs dependencies first
# when something is missing. Usage: scripts/build.sh [extra ninja targets]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C build "$@"
