# Two commands matter: `make serve` and `make test`. Both set everything up
# first (scripts/setup.sh, idempotent), so a fresh machine needs nothing else.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM := --target wasm32-unknown-unknown --no-default-features
BROWSER_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver

.PHONY: setup serve dist standalone package test-package wordpress test-hooks test lint test-native test-browser test-e2e test-engines size bench

setup:
	@scripts/setup.sh

# The release wasm's std is rebuilt from source (rust-src, installed by
# set-up) with panic=abort and without panic locations: 3.1 KB brotli less;
# panic messages stay readable. Stable rustc reads -Z flags under
# RUSTC_BOOTSTRAP; native builds and the browser tests are untouched.
WASM_STD := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none

serve: setup
	@echo "Serving the demo at http://127.0.0.1:8080"
	$(WASM_STD) trunk serve

# Trunk assembles a build in dist/.stage (the unoptimised wasm first) and
# removes it only when the build succeeds, or when the next one starts: a
# failed build (e.g. wasm-opt 132 not on PATH, so offline Trunk cannot run it)
# would leave it in dist/. Remove it on failure; size.mjs fails if one is left.
dist: setup
	$(WASM_STD) trunk build --release || { rm -rf dist/.stage; exit 1; }
	cargo run --quiet --release --bin story -- dist

# One file that opens from disk with no server and no network, for
# presenters (scripts/standalone.mjs; README "Presenting from one file").
standalone: dist
	node scripts/standalone.mjs

# The npm package backchannel-explainer: dist/npm/, packed into
# dist/backchannel-explainer-<version>.tgz (scripts/package.mjs; README
# "Use from npm").
package: dist
	node scripts/package.mjs

# The package from its tarball in a consumer app (tests/package/): the
# generated types current, tsc --strict, a Vite build in Chromium, React 19.
test-package: package
	node --test --test-concurrency=1 tests/package/

# The WordPress plugin with the shipped files: dist/backchannel-wordpress.zip
# (scripts/wordpress.sh; README "WordPress").
wordpress: dist
	scripts/wordpress.sh

# The wasm with its test-only hook (feature test-hooks: the handle's
# __panicForTest), unoptimised, for tests/e2e/robust.test.js, which serves it
# in place of dist/'s: what ships never carries the hook.
test-hooks: setup
	$(WASM_STD) cargo build --release $(WASM) --lib --features test-hooks
	wasm-bindgen target/wasm32-unknown-unknown/release/backchannel.wasm --out-dir target/test-hooks --target web

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --lib --test web --test web_views --test web_packs --test web_model --test web_floats --test web_languages -- -D warnings
	cargo clippy $(WASM) --lib --features test-hooks -- -D warnings
	cargo clippy $(WASM) --lib --features reader -- -D warnings

test-native:
	cargo test

test-browser:
	$(BROWSER_ENV) cargo test $(WASM) --test web --test web_views --test web_packs --test web_model --test web_floats --test web_languages

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# The reader's main path in WebKit (MiniBrowser needs a display: a virtual
# one) and Firefox ESR, over WebDriver (tests/engines/).
test-engines:
	xvfb-run -a node --test --test-concurrency=1 tests/engines/

size:
	node scripts/size.mjs

# Every layer, failing on the first failure.
test: setup lint test-native test-browser standalone test-package wordpress size test-hooks test-e2e test-engines

# Numbers, not pass/fail (README "Benchmark" says what each figure means):
# sizes next to a bare Yew app built the same way (benches/bare-yew/), time
# to ready, frames, memory over long sessions, the 10-minute soak, and the
# model natively (criterion) and in the browser.
bench: setup standalone
	node scripts/bench/sizes.mjs
	node scripts/bench/start.mjs
	node scripts/bench/motion.mjs
	node scripts/bench/memory.mjs
	node scripts/bench/soak.mjs
	node scripts/bench/steps.mjs
	cargo bench --bench model
	$(BROWSER_ENV) cargo test $(WASM) --release --test web_model -- --nocapture
