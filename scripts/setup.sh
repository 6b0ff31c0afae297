#!/usr/bin/env bash
# Installs what building and testing Wheelhouse needs, and only what is missing:
# Debian packages (GTK/WebKitGTK 4.1 headers, Xvfb, dunst, chromium...), the
# Wails CLI and the frontend's node_modules. A fast no-op when all is present.
# On other systems apt is skipped: follow the prerequisites in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

WAILS_VERSION=v2.11.0
APT_PACKAGES=(
  build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev  # wails build -tags webkit2_41
  xvfb xauth x11-utils xdotool imagemagick                       # smoke test: a real window without a screen
  dunst libnotify-bin dbus                                       # notifications on a private session bus
  webkit2gtk-driver                                              # e2e: WebKitWebDriver drives WebKitGTK's MiniBrowser
  chromium curl                                                  # e2e second engine: playwright-core drives Debian's chromium
  python3-pandas                                                 # scripts/bench-pages.sh: pandas, the peer of the paging-history import
  radicale xandikos apache2-utils python3-passlib python3-bcrypt # CalDAV publish tests: two real servers, bcrypt htpasswd
  python3-icalendar                                              # a second independent iCalendar parser over every exporter
  gnome-keyring libsecret-tools                                  # OS keyring (Secret Service) for keyring tests
)

# --- Go and node must already be there (CI images and README install them).
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="$PATH:/usr/local/go/bin"
fi
command -v go >/dev/null 2>&1 || die "go not found: install Go (see README.md) and put it on PATH"
command -v npm >/dev/null 2>&1 || die "npm not found: install node 20+ (see README.md)"
GOBIN_DIR="$(go env GOBIN)"
[ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
export PATH="$PATH:$GOBIN_DIR"

# --- System packages.
if [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" = installed ] || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "apt: all ${#APT_PACKAGES[@]} packages present"
  else
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install ${missing[*]} yourself"
      if [ -t 0 ]; then SUDO=(sudo); else SUDO=(sudo -n); fi  # never wait for a password without a terminal
    fi
    say "apt: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
  fi
else
  say "apt: not a Debian-like system, skipping system packages (macOS/Windows: see README.md prerequisites)"
fi

# --- Wails CLI, pinned to the version in go.mod.
have_wails=""
if command -v wails >/dev/null 2>&1; then
  have_wails="$(wails version 2>/dev/null | grep -o 'v[0-9][0-9.]*' | head -n1 || true)"
fi
if [ "$have_wails" = "$WAILS_VERSION" ]; then
  say "wails $WAILS_VERSION present ($(command -v wails))"
else
  say "wails: installing $WAILS_VERSION (found: ${have_wails:-none}) into $GOBIN_DIR"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

# --- Frontend dependencies.
lock=frontend/package-lock.json
stamp=frontend/node_modules/.package-lock.json
if [ ! -d frontend/node_modules ] || [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  say "npm ci in frontend/ (node_modules missing or older than package-lock.json)"
  (cd frontend && npm ci --no-audit --no-fund)
else
  say "frontend/node_modules up to date"
fi

# --- //go:embed all:frontend/dist needs at least one file in a fresh clone.
if [ -z "$(ls -A frontend/dist 2>/dev/null)" ]; then
  say "frontend/dist is empty: adding the .gitkeep placeholder the embed needs"
  mkdir -p frontend/dist && : > frontend/dist/.gitkeep
fi
say "done"
