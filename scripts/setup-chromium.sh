#!/usr/bin/env bash
# Installs Debian's Chromium for the Playwright e2e suite (ARCHITECTURE.md §7:
# `npx playwright install` cannot work here), plus a font set so pages render real text.
# Idempotent: installs nothing when both are present.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium
readonly FONT_PACKAGE=fonts-liberation
readonly FRESH_LISTS_MINUTES=60

export DEBIAN_FRONTEND=noninteractive

log() { echo "[setup-chromium $(date +%H:%M:%S)] $*" >&2; }

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Stale lists can name versions the mirror no longer has; lists refreshed moments ago
# (e.g. by scripts/setup-postgres.sh in the same CI run) need no second update.
lists_are_fresh() {
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*InRelease' -mmin "-$FRESH_LISTS_MINUTES" -print -quit) ]]
}

missing=()
[[ -x $CHROMIUM ]] || missing+=(chromium)
is_installed "$FONT_PACKAGE" || missing+=("$FONT_PACKAGE")

if ((${#missing[@]} > 0)); then
  if ! lists_are_fresh; then
    log "apt-get update"
    apt-get update -q >&2
  fi
  log "apt-get install ${missing[*]}"
  # No recommends: chromium-sandbox and desktop helpers are useless to a headless test run.
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

"$CHROMIUM" --version
