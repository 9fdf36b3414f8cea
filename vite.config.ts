import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: src/web → dist/web, served by the KDC server at /.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
