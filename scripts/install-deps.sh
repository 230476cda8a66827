#!/usr/bin/env bash
# Installs every dependency Svar needs to build, test and run on Debian 12.
# Idempotent: when everything is present it only checks and returns in well under a second.
set -euo pipefail

# Build tools and libraries linked into the svar binary.
BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config git
  libgmime-3.0-dev libglib2.0-dev libicu-dev libuchardet-dev
  libsqlite3-dev libcurl4-openssl-dev libsodium-dev libzstd-dev zlib1g-dev
  libtomlplusplus-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libcpp-httplib-dev libgumbo-dev libssl-dev
  libxapian-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcld2-dev libfasttext-dev
)
# Tests, fuzzing and benchmarks: real servers on 127.0.0.1 and the tools that drive them.
TEST_PKGS=(
  libgtest-dev libgmock-dev libbenchmark-dev clang-16 libclang-rt-16-dev
  dovecot-imapd python3-aiosmtpd wrk openssl
)

missing=()
for p in "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Do not start packaged services (dovecot) on install: tests start their own copies.
policy_rc=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy_rc" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy_rc" >/dev/null
  $SUDO chmod +x "$policy_rc"
  created_policy=1
fi
trap '[ $created_policy = 1 ] && $SUDO rm -f "$policy_rc"' EXIT
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
