// Two outputs from one source tree:
// - dist/esm/: one module per source file for bundler users; Lit, @lit/localize and the SDK
//   stay imports, so a force's bundle shares them and tree-shakes elements it does not use.
// - dist/victim-portal.js: the drop-in <script> (a classic script, so `defer` works) with
//   everything bundled and minified, Welsh included.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const elements = ['case-status', 'oic-card', 'portal', 'quick-exit', 'sign-in'];

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

/** @param {string} outDir */
const compile = (outDir) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    // Declarations come from `tsc -p tsconfig.build.json` after rollup; here only JavaScript.
    compilerOptions: { declaration: false, emitDeclarationOnly: false, noEmit: false, outDir, rootDir: 'src', sourceMap: false },
  });

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: {
      index: 'src/index.ts',
      ...Object.fromEntries(elements.map((name) => [`${name}/${name}`, `src/${name}/${name}.ts`])),
    },
    external: (id) => /^(lit|@lit\/|@victim-portal\/)/.test(id),
    plugins: [compile('dist/esm'), minifyStyles()],
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
  {
    input: 'src/victim-portal.ts',
    plugins: [nodeResolve({ browser: true }), compile('dist'), minifyStyles(), terser()],
    output: {
      file: 'dist/victim-portal.js',
      format: 'iife',
      inlineDynamicImports: true,
      // terser keeps the @license comments of Lit and @lit/localize, as their BSD licence asks.
      banner: '/*! @victim-portal/widgets (MIT). Bundles lit and @lit/localize (BSD-3-Clause, Google LLC), ky (MIT, Sindre Sorhus) and @victim-portal/sdk (MIT). */',
    },
  },
];
