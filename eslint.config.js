// One lint step for the whole monorepo: TypeScript-aware recommended rules everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/storybook-static/**',
      '**/.data/**',
      'packages/widgets/src/locales/**',
      // The React example's bundle, written by its build.js.
      'examples/react-app/public/app.js',
      'examples/react-app/public/chunks/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', fetch: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        window: 'readonly', document: 'readonly', sessionStorage: 'readonly', location: 'readonly',
        customElements: 'readonly', HTMLElement: 'readonly', Event: 'readonly', CustomEvent: 'readonly',
        Response: 'readonly', Request: 'readonly', Headers: 'readonly', AbortController: 'readonly',
        Buffer: 'readonly', performance: 'readonly', structuredClone: 'readonly', crypto: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'localStorage', message: 'Nothing of a case may outlive the tab: use memory or sessionStorage.' }],
    },
  },
);
