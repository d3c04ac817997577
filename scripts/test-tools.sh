#!/usr/bin/env bash
# Brings the system tools that Arbor's tests start: Erlang/OTP (erl, epmd) and Elixir for the
# distribution tests, Chromium and ChromeDriver for the observer's browser tests. `mvn verify` runs
# this first, so the README's test command needs no set-up of its own on a fresh Debian machine.
# Without root or apt-get it only says what is missing: those tests then skip on a developer's
# machine and fail under CI=true, never passing silently there.
set -u

missing=()
command -v erl >/dev/null 2>&1 || missing+=(erlang-base)
command -v epmd >/dev/null 2>&1 || missing+=(erlang-base)
command -v elixir >/dev/null 2>&1 || missing+=(elixir)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[arbor] missing test tools: install the Debian packages: ${packages}(sudo apt-get install ...)."
  echo "[arbor] until then the tests that start erl, elixir or chromium are skipped (and fail under CI=true)."
  exit 0
fi

echo "[arbor] installing test tools with apt-get: ${packages}(about a minute, once)"
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if apt-get update -q >"$log" 2>&1 && apt-get install -y -q $packages >>"$log" 2>&1; then
  rm -f "$log"
  exit 0
fi
tail -20 "$log"
echo "[arbor] apt-get could not install ${packages}(full log: $log)"
exit 1
