#!/usr/bin/env bash
# Installs what building and testing thidua needs, skipping what is already
# there. Usage: scripts/setup.sh build   (toolchain for `make run`)
#               scripts/setup.sh test    (build toolchain + browsers + e2e deps)
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
TOOLS_DIR="${THIDUA_TOOLS_DIR:-$HOME/.cache/thidua-tools}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

have_version() { # command, expected substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

install_build() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  local pids=()
  if ! have_version trunk "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (several minutes, once)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install trunk --locked --version "$TRUNK_VERSION" --quiet &
    pids+=($!)
  fi
  if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" \
     || ! have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Without --locked: the CLI's lockfile pins a crate the index lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --quiet &
    pids+=($!)
  fi
  if [ ! -x "$TOOLS_DIR/binaryen/node_modules/.bin/wasm-opt" ] \
     || ! "$TOOLS_DIR/binaryen/node_modules/.bin/wasm-opt" --version | grep -q "version $BINARYEN_VERSION"; then
    say "installing binaryen $BINARYEN_VERSION from npm"
    mkdir -p "$TOOLS_DIR/binaryen"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen" "binaryen@$BINARYEN_VERSION" &
    pids+=($!)
  fi
  local failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  if [ "$failed" != 0 ]; then say "an install failed (see above)"; exit 1; fi
  say "build tools ready"
}

install_test() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
    || ! command -v pdftoppm >/dev/null 2>&1; then
    say "installing Debian chromium, chromium-driver and poppler-utils (PDF pages to images)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
  if ! command -v firefox-esr >/dev/null 2>&1; then
    say "installing Debian firefox-esr (the second browser engine of the tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr >/dev/null
  fi
  if [ ! -d "$ROOT/tests/firefox/node_modules/puppeteer-core" ]; then
    say "installing puppeteer-core (drives Firefox over WebDriver BiDi; no browser download)"
    (cd "$ROOT/tests/firefox" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/ajv" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ]; then
    say "installing playwright-core (no browser download), ajv (JSON Schema checks) and axe-core (accessibility)"
    (cd "$ROOT/tests/e2e" && npm ci --silent --no-audit --no-fund)
  fi
  say "test tools ready"
}

case "${1:-build}" in
  build) install_build ;;
  test) install_build; install_test ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
