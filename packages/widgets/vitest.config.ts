import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Real Chromium (Debian's), headless: the elements need a real DOM, shadow roots, focus,
// layout (320 px) and colour for axe. Playwright never downloads a browser here.
export default defineConfig({
  // Pre-bundled up front: discovered mid-run, Vite reloads the page under a running test.
  optimizeDeps: { include: ['ky', 'axe-core', 'lit', 'lit/decorators.js', '@lit/localize'] },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
