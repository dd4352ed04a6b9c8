import { readFile } from 'node:fs/promises';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vitest/config';
import { reportServiceCommands, reportServiceRelay } from './test/report-service.js';

/**
 * Serves the built bundles under /dist/ as they are, as a force's web server does. Vite would
 * otherwise rewrite them as modules (its import analysis adds a static import to the drop-in's
 * `import()` of the Welsh catalogue), and a classic <script> could not run them.
 */
const distAsBuilt = (): Plugin => ({
  name: 'dist-as-built',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!/^\/dist\/[\w/.-]+\.js$/.test(path) || path.includes('..')) return next();
      readFile(new URL(`.${path}`, import.meta.url)).then(
        (code) => {
          response.setHeader('content-type', 'text/javascript');
          response.end(code);
        },
        () => next(),
      );
    });
  },
});

// Real Chromium (Debian's), headless: the elements need a real DOM, shadow roots, focus,
// layout (320 px) and colour for axe. Playwright never downloads a browser here.
export default defineConfig({
  // <vp-force-dashboard>'s tests read a real service's report, relayed on the page's origin.
  plugins: [distAsBuilt(), reportServiceRelay()],
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
      commands: reportServiceCommands,
    },
  },
});
