// Storybook for the widgets: every element in its states, against fake services (no server).
// Stories import the widgets' TypeScript source; Vite reads packages/widgets/tsconfig.json for
// Lit's legacy decorators (experimentalDecorators, useDefineForClassFields: false).
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * The widgets' package.json lists only its dist/ files under `sideEffects`, so a build drops
 * `import './case-status.js'` from src/ as unused, and the element is never defined. Every
 * module under packages/widgets/src/ is kept here as having side effects (registration).
 */
const widgetsRegisterElements = {
  name: 'widgets-register-elements',
  transform: (_code: string, id: string) => (/\/packages\/widgets\/src\//.test(id) ? { moduleSideEffects: true } : null),
};

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/widgets/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // No network here, and nothing to report: the scripts also set STORYBOOK_DISABLE_TELEMETRY=1.
  core: { disableTelemetry: true },
  // `npm test` runs the build: only Vite's warnings, not its list of Storybook's own chunks
  // (its docs renderer and axe are over Vite's 500 kB warning size; the widgets are not).
  viteFinal: (vite) => ({
    ...vite,
    plugins: [...(vite.plugins ?? []), widgetsRegisterElements],
    // Pre-bundled together up front, so `storybook dev` does not load two copies of Lit.
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit', 'lit/decorators.js', 'lit/directives/keyed.js', 'lit/directives/style-map.js', 'lit/directive-helpers.js', '@lit/localize', 'ky'] },
    logLevel: 'warn',
    build: { ...vite.build, chunkSizeWarningLimit: 1200 },
  }),
};

export default config;
