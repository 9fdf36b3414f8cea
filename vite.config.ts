import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The web app: src/web → dist/web, served by the KDC server at /.
 * It installs as an offline app (vite-plugin-pwa, Workbox): the shell and
 * every screen are precached; GET answers the user opened (their
 * registrations, criteria sets, programmes) are kept for when the signal is
 * gone, and asked of the network first whenever there is one. Files
 * (evidence, reports) are never kept: they can be large and private.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'KDC — Xây dựng khu dân cư',
        short_name: 'KDC',
        lang: 'vi',
        description: 'Đăng ký, tự đánh giá, thẩm định và công nhận khu dân cư',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#a61b1b',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // ECharts (the dashboard's charts) is half a megabyte: fetched when the dashboard is first opened, then kept.
        globIgnores: ['**/BarChart-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              url.pathname.startsWith('/api/') &&
              !/^\/api\/(evidence|imports|openapi)|\/(reports|document)(\/|$)/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'kdc-api',
              networkTimeoutSeconds: 10,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 30 },
            },
          },
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'kdc-assets', expiration: { maxEntries: 50 } },
          },
        ],
      },
    }),
  ],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
