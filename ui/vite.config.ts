import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The window loads the built files from disk: relative paths, no remote anything.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: ['..'] } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'safari15', sourcemap: false },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'] },
});
