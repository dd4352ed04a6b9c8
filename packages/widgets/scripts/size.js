// Prints min+gzip sizes: the drop-in script, and each element's own code (its module and the
// shared modules it pulls in, with Lit, @lit/localize and the SDK left out as a bundler would
// share them). Run after `npm run build`.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

const rows = [];
const dropIn = await readFile(new URL('../dist/victim-portal.js', import.meta.url));
rows.push(['dist/victim-portal.js (everything: Lit, SDK, Welsh)', dropIn.length, gzip(dropIn)]);

for (const name of ['case-status', 'oic-card', 'quick-exit', 'sign-in', 'portal']) {
  const bundle = await rollup({
    input: new URL(`../dist/esm/${name}/${name}.js`, import.meta.url).pathname,
    external: (id) => /^(lit|@lit\/|@victim-portal\/)/.test(id),
    // Welsh is a separate chunk in ESM, loaded only for Welsh pages: not counted here.
    treeshake: true,
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: false, plugins: [terser()] });
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  rows.push([`<vp-${name}> own code (ESM)`, entry.code.length, gzip(entry.code)]);
  await bundle.close();
}

console.log('| file | min | min+gzip |\n|---|---:|---:|');
for (const [label, min, gz] of rows) console.log(`| ${label} | ${kb(min)} | ${kb(gz)} |`);

// The drop-in is what most forces paste in, often on slow phones: it must stay within budget.
const budget = 35 * 1024;
const dropInGzip = rows[0][2];
if (dropInGzip > budget) {
  console.error(`dist/victim-portal.js is ${kb(dropInGzip)} min+gzip, over its ${kb(budget)} budget.`);
  process.exitCode = 1;
} else {
  console.log(`\nThe drop-in is within its ${kb(budget)} min+gzip budget (${(budget - dropInGzip)} bytes to spare).`);
}
