/**
 * BENCH web-initial-js-gzip: the JavaScript a phone downloads before the
 * first screen — the entry script and its modulepreloads in dist/web/index.html,
 * gzipped. Lazy chunks (the dashboard with ECharts) are not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function benchWebBundle(root = 'dist/web'): string[] {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return ['# dist/web missing: run `npm run build` first'];
  const html = readFileSync(index, 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(root, src.replace(/^\//, '')))).length, 0);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
    (sum, m) => sum + gzipSync(readFileSync(join(root, m[1]!.replace(/^\//, '')))).length,
    0,
  );
  return [`BENCH web-initial-js-gzip ${(bytes / 1024).toFixed(1)} KB`, `BENCH web-initial-css-gzip ${(css / 1024).toFixed(1)} KB`];
}
