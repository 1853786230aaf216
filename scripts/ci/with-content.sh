#!/usr/bin/env bash
# Runs a command with a fixture in place of the project's content/, then puts content/ back.
#
#   scripts/ci/with-content.sh <fixture-content-dir> -- <command…>
#
# CI uses it to run the test suites with tests/fixtures/minimal/content as content/: proof that no
# test depends on what a person keeps in their own content/. content/ is moved aside (a rename in the
# project folder, so nothing is copied and nothing can be half-restored), the fixture is copied in,
# and content/ comes back however the command ends (exit, failure, Ctrl-C, SIGTERM). Exits with the
# command's exit code.
set -euo pipefail

usage() {
  echo "usage: scripts/ci/with-content.sh <fixture-content-dir> -- <command…>" >&2
  exit 2
}

[ "$#" -ge 3 ] && [ "$2" = '--' ] || usage
[ -d "$1" ] || { echo "with-content: $1: expected a folder of content (profile.yaml, site.yaml, …)" >&2; exit 2; }
fixture="$(cd "$1" && pwd)"
shift 2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
content="$root/content"

# A run killed with SIGKILL cannot restore; its content/ is still aside. Never start over it.
for left in "$root"/.content-aside.*; do
  [ -e "$left" ] || continue
  echo "with-content: $left holds content/ from an earlier run that did not finish; put it back first:" >&2
  echo "  rm -rf '$content' && mv '$left/content' '$content' && rmdir '$left'" >&2
  exit 2
done

aside="$(mktemp -d "$root/.content-aside.XXXXXX")"

restore() {
  rm -rf "$content"
  # No content/ before the run means none after it.
  if [ -e "$aside/content" ]; then mv "$aside/content" "$content"; fi
  rmdir "$aside"
}
trap restore EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -e "$content" ]; then mv "$content" "$aside/content"; fi
cp -R "$fixture" "$content"

echo "with-content: content/ is $fixture until the command ends" >&2
# In the background, so a signal to this script is handled now rather than after the command ends:
# the command is stopped first, then the EXIT trap restores content/. (Bash ignores SIGINT in
# background commands of a script, so both signals are passed on as SIGTERM.)
"$@" &
child=$!
stop() {
  kill -TERM "$child" 2>/dev/null || true
  wait "$child" 2>/dev/null || true
  exit "$1"
}
trap 'stop 130' INT
trap 'stop 143' TERM
status=0
wait "$child" || status=$?
exit "$status"
