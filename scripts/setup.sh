#!/usr/bin/env bash
# Installs everything the build and the tests need, at pinned versions, from
# the package registries only (crates.io, Debian, npm). Idempotent: when all
# is present it only checks versions and takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# The Firefox driver, from crates.io (Debian does not package it).
GECKODRIVER_VERSION=0.37.1
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "adding $component"
    rustup component add "$component"
  fi
done
# The release wasm rebuilds std from these sources (Makefile WASM_STD);
# Trunk builds offline, so the crates std uses are fetched here, once.
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! RUSTC_BOOTSTRAP=1 cargo fetch --offline --quiet --manifest-path "$std_manifest" 2>/dev/null; then
  step "fetching the crates std is built from"
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$std_manifest"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its locked dependencies are not all in the reachable index.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (6-10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "installing Debian's chromium and chromium-driver"
  sudo_if_needed apt-get update
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# The other engines' smoke suite (tests/engines/): WebKitGTK's driver and
# MiniBrowser, Firefox ESR, and a virtual display for MiniBrowser. Debian's
# current versions (security updates replace older ones in the archive, so an
# exact version pin would break set-up the day one lands); tried with
# webkit2gtk-driver 2.50.6-1~deb12u2 and firefox-esr 153.8.0esr-1~deb12u1.
if ! command -v WebKitWebDriver >/dev/null || ! command -v firefox-esr >/dev/null || ! command -v xvfb-run >/dev/null; then
  step "installing Debian's webkit2gtk-driver, firefox-esr and xvfb"
  sudo_if_needed apt-get update
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends webkit2gtk-driver firefox-esr xvfb xauth
fi

# A real WordPress for tests/e2e/wordpress.test.js (Debian's, with the
# Twenty Twenty-Three theme, MariaDB and PHP's built-in server, all started by
# the test on loopback) and zip for `make wordpress`. Installing these starts
# no server here (the test runs its own, and stops them).
wordpress_packages=(wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql unzip zip)
missing=()
for package in "${wordpress_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian's ${missing[*]}"
  sudo_if_needed apt-get update
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ "$(geckodriver --version 2>/dev/null | head -1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  step "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# npm ci only when the lock file changed since the last install.
stamp=node_modules/.package-lock.sha256
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$sum" ]; then
  step "installing the npm packages (wasm-opt, playwright-core, axe)"
  npm ci --no-audit --no-fund
  echo "$sum" > "$stamp"
fi

# The npm package's consumer app (tests/package/app: TypeScript, Vite, React),
# with its own lock file; the package itself is installed from its tarball
# by the test, offline.
app=tests/package/app
stamp=$app/node_modules/.package-lock.sha256
sum=$(sha256sum "$app/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$sum" ]; then
  step "installing the package test app's npm packages (typescript, vite, react)"
  (cd "$app" && npm ci --no-audit --no-fund)
  echo "$sum" > "$stamp"
fi
