#!/usr/bin/env bash
# Remakes the README's observer screenshots (docs/observer/*.png): runs the observer's browser tests,
# which drive a real headless Chromium (Debian's chromium and chromium-driver; scripts/test-tools.sh
# installs them) against a running tree and save a screenshot of each page they check, then copies
# the ones the README shows. CI=true makes a missing browser fail here instead of skipping the tests.
#
#   scripts/observer-screenshots.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHOTS="$ROOT/observer/target/screenshots"
OUT="$ROOT/docs/observer"

rm -rf "$SHOTS"
CI=true mvn -q -B -f "$ROOT/pom.xml" -pl observer -am test -Dtest='ObserverBrowserTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dobserver.screenshots.dir="$SHOTS"

mkdir -p "$OUT"
# The tree just after a child was killed from the page: its new pid highlighted, its restart counted.
cp "$SHOTS/tree-after-kill.png" "$OUT/tree.png"
# A server's page: its redacted state, its stack, and its incoming messages traced live.
cp "$SHOTS/process.png" "$OUT/process.png"
cp "$SHOTS/processes.png" "$OUT/processes.png"
cp "$SHOTS/overview.png" "$OUT/overview.png"
echo "wrote ${OUT#"$ROOT"/}: $(cd "$OUT" && ls *.png | tr '\n' ' ')"
