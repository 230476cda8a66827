#!/usr/bin/env bash
# Knowledge-base search and suggest latency over HTTP, measured with wrk against `svar serve`.
#
#   bench/kb_http.sh [ARTICLES...]      (default: 1000 10000)
#
# For each size: generates that many English articles (multi-paragraph text from a word
# list, as kb_bench does), imports them with `svar kb import`, starts `svar serve`, and runs
# wrk for 10 s per endpoint with 2 connections and rotating queries; prints median and
# 99th-percentile latency and requests/s. Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
scripts/build.sh svar >/dev/null
command -v wrk >/dev/null || scripts/install-deps.sh
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""

cat >"$work/rotate.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

words="account address answer app balance bank basket card change charge code cancel confirm
contact courier customer deliver delivery discount email error exchange express fee gift
home invoice item login mail money number order package parcel password pay payment phone
pickup price product receipt refund repair reset return send shipping size status store
subscription support track transfer update voucher warranty week"
/usr/bin/python3 - "$work" "${sizes[@]}" "$words" <<'PY'
import os, random, sys
work, *sizes, words = sys.argv[1:]
words = words.split()
rng = random.Random(7)
for n in map(int, sizes):
    root = os.path.join(work, "kb-%d" % n, "en")
    os.makedirs(root)
    for i in range(n):
        title = " ".join(rng.choice(words) for _ in range(4)).capitalize()
        paras = []
        for s in range(3):
            paras.append("## " + " ".join(rng.choice(words) for _ in range(3)).capitalize())
            paras.append(" ".join(rng.choice(words) for _ in range(60)) + ".")
        with open(os.path.join(root, "a%06d.md" % i), "w") as f:
            f.write("---\nslug: a%06d\nlocale: en\ntitle: %s\ncategory: general\n"
                    "visibility: public\nstate: published\nauthor: bench\n---\n%s\n"
                    % (i, title, "\n\n".join(paras)))
    with open(os.path.join(work, "search-%d.txt" % n), "w") as f:
        for _ in range(500):
            q = "+".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
            f.write("/api/v1/kb/search?locale=en&limit=10&q=%s\n" % q)
    with open(os.path.join(work, "suggest-%d.txt" % n), "w") as f:
        for _ in range(500):
            w = rng.choice(words)
            f.write("/api/v1/kb/suggest?locale=en&q=%s+%s\n" % (rng.choice(words), w[:rng.randint(1, len(w))]))
PY

printf '%-9s %-8s %10s %10s %10s\n' articles endpoint p50 p99 req/s
for n in "${sizes[@]}"; do
  data="$work/data-$n"
  printf '[server]\nport = 0\nthreads = 8\n[log]\nlevel = "warn"\n' >"$work/svar.toml"
  build/svar --data "$data" --config "$work/svar.toml" kb import "$work/kb-$n" >/dev/null 2>&1
  build/svar --data "$data" --config "$work/svar.toml" serve --no-fetch 2>"$work/serve.log" &
  pid=$!
  port=""
  for _ in $(seq 600); do
    port=$(grep -o 'serving on http://[0-9.]*:[0-9]*' "$work/serve.log" | sed 's/.*://' || true)
    [ -n "$port" ] && break
    sleep 0.5
  done
  [ -n "$port" ] || { echo "svar serve did not start"; cat "$work/serve.log"; exit 1; }
  for ep in search suggest; do
    out=$(WRK_PATHS="$work/$ep-$n.txt" wrk -t2 -c2 -d10s --latency -s "$work/rotate.lua" \
          "http://127.0.0.1:$port" 2>&1)
    p50=$(echo "$out" | awk '$1=="50%"{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    printf '%-9s %-8s %10s %10s %10s\n' "$n" "$ep" "$p50" "$p99" "$rps"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
