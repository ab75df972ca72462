#!/usr/bin/env bash
# Builds dist/backchannel-wordpress.zip: the plugin in wordpress/backchannel/
# with what the explainer ships from dist/ in its dist/ folder (served from
# the plugin unless Settings → General says where dist/ is hosted). Run by
# `make wordpress` after `make dist`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
stage="$root/target/wordpress"
rm -rf "$stage"
mkdir -p "$stage/backchannel/dist"
cp -r "$root/wordpress/backchannel/." "$stage/backchannel/"
cd "$root/dist"
# What a post needs: the loader, its hashed wasm, glue and sheet, the
# languages, the packs and schemas, the embed codes (the plugin prints them)
# and the iframe page with its oEmbed document. Not the demo article, the
# single-file build, the pack editor or the embed-codes page.
shopt -s nullglob
files=(backchannel.js backchannel-*.js backchannel-*_bg.wasm backchannel.css backchannel-*.css
  embed.html embed.js embed.css oembed.json embed-code.*.txt story.*.html
  config.schema.json pack.schema.json locales packs)
for f in "${files[@]}"; do
  [ -e "$f" ] || { echo "wordpress: dist/$f is missing (run make dist)" >&2; exit 1; }
  cp -r "$f" "$stage/backchannel/dist/"
done
rm -f "$root/dist/backchannel-wordpress.zip"
cd "$stage" && zip -qr -X "$root/dist/backchannel-wordpress.zip" backchannel
echo "wordpress: dist/backchannel-wordpress.zip ($(du -k "$root/dist/backchannel-wordpress.zip" | cut -f1) KB)"
