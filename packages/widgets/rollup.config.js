// Two outputs from one source tree:
// - dist/esm/: one module per source file for bundler users; Lit, @lit/localize and the SDK
//   stay imports, so a force's bundle shares them and tree-shakes elements it does not use.
// - dist/victim-portal.js: the drop-in <script>, a classic script (so `defer` works) that loads
//   minified modules from dist/victim-portal/: first what shows before a case, then each
//   language's catalogue (on pages in that language only) and each section of a case (when it
//   opens) as chunks of their own.
// - dist/officer-inbox.js: <vp-officer-inbox> for records systems, one classic script with
//   everything bundled; each language is dist/locales/<locale>.js beside it (cy.js, pl.js),
//   loaded on pages in that language only.
// - dist/force-dashboard.js: <vp-force-dashboard> for force staff's admin pages, built the same
//   way; nothing of it is in what the victims' drop-in loads.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';

// The languages besides English: adding one to lit-localize.json (and its xliff file) is all it takes.
const { targetLocales } = JSON.parse(readFileSync(new URL('./lit-localize.json', import.meta.url), 'utf8'));

const elements = ['case-status', 'crime-report', 'force-dashboard', 'messages', 'oic-card', 'officer-inbox', 'portal', 'quick-exit', 'sign-in', 'timeline'];

/**
 * Minifies the CSS in the elements' `css\`…\`` templates (terser leaves template text alone):
 * comments and indentation go, which keeps the drop-in under its size budget. Only the
 * `*.styles.ts` files, whose templates hold plain CSS with no `${}` parts.
 * @returns a rollup plugin
 */
const minifyStyles = () => ({
  name: 'minify-styles',
  transform(code, id) {
    if (!/\.styles\.ts$/.test(id)) return null;
    const minified = code.replace(/\bcss\s*`([^`$\\]*)`/g, (_, text) => {
      const css = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim();
      return `css\`${css}\``;
    });
    return { code: minified, map: null };
  },
});

/**
 * localization.ts loads a language's catalogue with ``import(`../locales/${locale}.ts`)``, a
 * pattern Vite (tests, Storybook) follows but rollup does not. This rewrites it for the builds:
 * - ESM and the victims' drop-in: one `import()` per target locale, so each catalogue is a chunk
 *   of its own that a bundler (or the drop-in) loads on pages in that language only;
 * - the other drop-ins (`fileName` given): the catalogue is not bundled in but loaded from
 *   `locales/<locale>.js` beside the script (built below as self-contained modules). A classic
 *   script may `import()` a module; under a CSP of `script-src 'self'` it must come from the same
 *   origin as the script, which it does. The script's own URL is read while it first runs:
 *   `document.currentScript` is only set then, and never for `type="module"`, where the
 *   `<script>` with the drop-in's file name is found instead.
 * @param {string} [fileName] the drop-in's file name, e.g. `officer-inbox.js`
 * @returns a rollup plugin
 */
const localeCatalogues = (fileName) => ({
  name: 'locale-catalogues',
  transform(code, id) {
    if (!/\/shared\/localization\.ts$/.test(id)) return null;
    const load = /import\(`\.\.\/locales\/\$\{(\w+)\}\.ts`\)/;
    const found = load.exec(code);
    if (!found) this.error('localization.ts no longer loads catalogues with import(`../locales/${locale}.ts`): update the locale-catalogues plugin');
    const locale = found[1];
    if (!fileName) {
      const imports = targetLocales.map((target) => `${JSON.stringify(target)}: () => import('../locales/${target}.js')`).join(', ');
      return { code: code.replace(load, `({ ${imports} })[${locale}]()`), map: null };
    }
    const here = `(document.currentScript && document.currentScript.src) || ([].slice.call(document.scripts).map((script) => script.src).find((src) => /\\/${fileName.replace('.', '\\.')}([?#]|$)/.test(src))) || document.baseURI`;
    return { code: `const dropInUrl = ${here};\n${code.replace(load, `import(new URL(\`locales/\${${locale}}.js\`, dropInUrl).href)`)}`, map: null };
  },
});

/**
 * A catalogue imports only `str` from @lit/localize, which makes a plain
 * `{ strTag, strings, values }` object (lit/packages/localize/src/internal/str-tag.ts) that the
 * runtime in the drop-in reads. Importing the package itself would bring its runtime's module
 * code along; this gives the catalogue the same function alone.
 * @returns a rollup plugin
 */
const strOnly = () => ({
  name: 'lit-localize-str-only',
  resolveId: (id) => (id === '@lit/localize' ? '\0lit-localize-str' : null),
  load: (id) => (id === '\0lit-localize-str' ? 'export const str = (strings, ...values) => ({ strTag: true, strings, values });' : null),
});

/**
 * Puts the drop-in's classic script in a block: its top-level `const`s would otherwise be global
 * bindings of the page, and loading the script twice would throw on declaring them again.
 * @returns a rollup plugin (after terser, which would undo a block in the source)
 */
const blockScopedEntry = () => ({
  name: 'block-scoped-entry',
  renderChunk: (code, chunk) => (chunk.isEntry ? { code: `{\n${code}\n}\n`, map: null } : null),
});

/** @param {string} outDir */
const compile = (outDir) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    // Declarations come from `tsc -p tsconfig.build.json` after rollup; here only JavaScript.
    compilerOptions: { declaration: false, emitDeclarationOnly: false, noEmit: false, outDir, rootDir: 'src', sourceMap: false },
  });

// terser keeps the @license comments of Lit and @lit/localize, as their BSD licence asks.
const banner =
  '/*! @victim-portal/widgets (MIT). Bundles lit and @lit/localize (BSD-3-Clause, Google LLC), ky (MIT, Sindre Sorhus), eventsource-parser (MIT, Espen Hovlandsdal) and @victim-portal/sdk (MIT). */';

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: {
      index: 'src/index.ts',
      ...Object.fromEntries(elements.map((name) => [`${name}/${name}`, `src/${name}/${name}.ts`])),
    },
    external: (id) => /^(lit|@lit\/|@victim-portal\/)/.test(id),
    plugins: [compile('dist/esm'), localeCatalogues(), minifyStyles()],
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // tslib's decorator helper would land in dist/esm/node_modules/, which npm never
      // publishes: give it a folder of its own.
      entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('/').pop()}.js` : '[name].js'),
    },
  },
  // The victims' drop-in: a classic script that imports its modules from dist/victim-portal/.
  {
    input: { 'victim-portal': 'src/victim-portal.ts' },
    plugins: [nodeResolve({ browser: true }), compile('dist'), localeCatalogues(), minifyStyles(), terser(), blockScopedEntry()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'victim-portal/[name]-[hash].js',
      banner,
    },
  },
  dropIn('src/officer-inbox/officer-inbox.ts', 'officer-inbox.js'),
  dropIn('src/force-dashboard/force-dashboard.ts', 'force-dashboard.js'),
  // The catalogues the officers' and dashboard's drop-ins load on a page in their language: one
  // module each with no imports.
  ...targetLocales.map((locale) => ({
    input: `src/locales/${locale}.ts`,
    plugins: [strOnly(), compile('dist'), terser()],
    output: { file: `dist/locales/${locale}.js`, format: 'es' },
  })),
];

/**
 * @returns the build of a drop-in script: a classic script (so `defer` works), everything
 * bundled and minified
 * @param input its entry
 * @param fileName its name in dist/
 */
function dropIn(input, fileName) {
  return {
    input,
    plugins: [nodeResolve({ browser: true }), compile('dist'), localeCatalogues(fileName), minifyStyles(), terser()],
    output: {
      file: `dist/${fileName}`,
      format: 'iife',
      inlineDynamicImports: true,
      banner,
    },
  };
}
