#!/usr/bin/env bash
# Runs the desk with demo data: builds if needed, then `svar demo` in a fresh data directory
# (./svar-demo-data) serving HTTP on 127.0.0.1:8025. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh svar
exec build/svar --data "${SVAR_DEMO_DATA:-svar-demo-data}" demo "$@"
