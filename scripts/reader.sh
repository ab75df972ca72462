#!/usr/bin/env bash
# The pack reader's wasm (feature `reader`, src/reader.rs), built beside the
# explainer's as Trunk's pre-build hook: it reads and checks a host's story
# pack, and reads a host's JSON config, and hands the explainer them in a
# compact form, so the explainer's wasm carries no JSON reader for them.
# Written to target/reader/ (reader.js and reader_bg.wasm, optimised as
# Trunk optimises the explainer's); scripts/postbuild.mjs copies them into
# dist/ under hashed names.
# Inherits the Makefile's WASM_STD environment (std rebuilt with
# panic=abort, no panic locations), as Trunk's own build does.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/reader
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --features reader --lib
mkdir -p "$out"
wasm-bindgen target/wasm32-unknown-unknown/release/backchannel.wasm \
  --out-dir "$out" --out-name reader --target web --no-typescript
wasm-opt -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
  "$out/reader_bg.wasm" -o "$out/reader_bg.wasm"
