#!/usr/bin/env bash
# Outbox throughput to a local SMTP sink (aiosmtpd, scripts/test-servers.sh), with a baseline
# in the same run: Python's smtplib sending the very same messages to the same sink over one
# connection. Prints a table with medians and the ratio; figures go to docs/benchmarks.md.
#
#   bench/outbox_run.sh [MESSAGES] [RUNS]      (default 500 messages, 3 runs)
#
# Both sides are bounded by the sink (a Python asyncio server writing one Maildir file per
# message), so the ratio says whether svar's worker (claim in a transaction, send, commit the
# result per message) adds cost over a bare SMTP client, not how fast a real MTA would accept.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
runs=${2:-3}
build=${SVAR_BUILD_DIR:-build}
ninja -C "$build" outbox_bench >/dev/null
dir=$(mktemp -d /tmp/svar-outbox-run-XXXXXX)
chmod 777 "$dir"
port=$((26000 + $$ % 1000))
cleanup() { scripts/test-servers.sh stop "$dir/servers" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
IMAP_PORT=$((port + 1)) IMAPS_PORT=$((port + 2)) SMTP_PORT=$port \
  scripts/test-servers.sh start "$dir/servers" >/dev/null
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== outbox_bench --messages=$n --runs=$runs (sink smtp://127.0.0.1:$port)"
"$build"/bench/outbox_bench --smtp="smtp://127.0.0.1:$port" --messages="$n" --runs="$runs" \
  --dump="$dir/mails" | tee "$dir/svar.txt"
echo "== baseline: Python smtplib, the same $n messages, one connection, $runs runs"
/usr/bin/python3 - "$dir/mails" "$port" "$runs" <<'PY' | tee "$dir/base.txt"
import json, os, smtplib, statistics, sys, time
folder, port, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
mails = []
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as f:
        head, _, body = f.read().partition(b"\n")
    sender, rcpts = head.decode().split(" ", 1)
    mails.append((sender, json.loads(rcpts), body))
rates = []
for _ in range(runs):
    t = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as s:
        for sender, rcpts, body in mails:
            s.sendmail(sender, rcpts, body)
    rates.append(len(mails) / (time.perf_counter() - t))
print("| smtplib baseline (same bytes, same sink) | %d | %d | %.0f |" % (len(mails), runs, statistics.median(rates)))
PY
svar=$(grep '^| send' "$dir/svar.txt" | awk -F'|' '{print $5}')
base=$(grep '^| smtplib' "$dir/base.txt" | awk -F'|' '{print $5}')
echo "== ratio svar send / smtplib: $(python3 -c "print('%.2f' % ($svar / $base))")"
