#!/bin/bash
# Makes the public site's two web fonts (src/main/resources/static/site/fonts/) from the
# Noto Serif package on npm: Regular and Bold, cut down to the letters our editions use
# (Latin, Russian and Kazakh Cyrillic, punctuation, the tenge and minus signs), as woff2.
# The files are committed, so building Qalam needs no npm; run this only to change them.
# Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
WORK="$ROOT/target/fonts"
mkdir -p "$WORK"
cp subset.mjs "$WORK/"
( cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    subset-font@2 @expo-google-fonts/noto-serif@0.4.2 )
FONTS="$WORK/node_modules/@expo-google-fonts/noto-serif"
OUT="$ROOT/src/main/resources/static/site/fonts"
mkdir -p "$OUT"
node "$WORK/subset.mjs" "$FONTS/400Regular/NotoSerif_400Regular.ttf" "$OUT/noto-serif-400.woff2"
node "$WORK/subset.mjs" "$FONTS/700Bold/NotoSerif_700Bold.ttf" "$OUT/noto-serif-700.woff2"
cp "$FONTS/LICENSE_FONT" "$OUT/OFL.txt"
