#!/usr/bin/env bash
# Runs every test: installs dependencies, builds, runs the unit and end-to-end tests (ctest),
# then a short libFuzzer run of the MIME parser. This is the README's test command and what
# .ci/run calls. Tests only talk to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
(cd build && ctest --output-on-failure -j2 --timeout 900)
scripts/fuzz.sh 30
