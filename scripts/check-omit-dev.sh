#!/usr/bin/env bash
# Issue 16: `npm ci --omit=dev && npm start` serves the whole product. Clones the committed tree into a
# scratch folder, installs without dev dependencies (postinstall builds the web app and the kdc command), starts the server on
# an empty data folder and asks it for the web app, one of its scripts and /api/health. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/kdc-omit-dev.XXXXXX)
port=${KDC_CHECK_PORT:-3917}
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

git clone -q . "$work/kdc"
cd "$work/kdc"
npm ci --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error
test -f dist/web/index.html || { echo "✗ npm ci --omit=dev không xây dựng giao diện web (dist/web/index.html)"; exit 1; }
test ! -e node_modules/typescript || { echo "✗ typescript được cài khi bỏ gói phát triển"; exit 1; }
test -f dist/cli/main.mjs || { echo "✗ npm ci --omit=dev không biên dịch lệnh kdc (dist/cli/main.mjs)"; exit 1; }
node bin/kdc.mjs criteria list | grep -q laichau-tqpttd || { echo "✗ lệnh kdc đã biên dịch không chạy"; exit 1; }

mkdir -p "$work/data"
# The server itself (not through npm start, whose prestart has nothing left to build), so its pid is ours to stop.
node scripts/build-web.mjs
KDC_DATA_DIR="$work/data" PORT="$port" node bin/kdc.mjs serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/api/health" | grep -q '"ok"' || { echo "✗ /api/health không trả lời"; tail -20 "$work/server.log"; exit 1; }
page=$(curl -sf "http://127.0.0.1:$port/")
grep -q 'id="root"' <<<"$page" || { echo "✗ / không trả về giao diện web"; exit 1; }
script=$(grep -o 'assets/[^"]*\.js' <<<"$page" | head -1)
curl -sf -o /dev/null "http://127.0.0.1:$port/$script" || { echo "✗ không tải được $script"; exit 1; }
echo "✓ npm ci --omit=dev: máy chủ trả lời /api/health và phục vụ giao diện web ($script)"
