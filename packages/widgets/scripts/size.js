// Prints min+gzip sizes and checks the budgets: the victims' drop-in (what it loads before a
// case opens, then what follows), the officers' drop-in, and each element's own code (its
// module and the shared modules it pulls in, with Lit, @lit/localize and the SDK left out as a
// bundler would share them). Run after `npm run build`.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const dist = new URL('../dist/', import.meta.url);

/** @returns the relative module paths a built file imports: statically, and with import() */
function importsOf(code) {
  const statics = [...code.matchAll(/\bimport\s*(?:[\w{}\s,*$]+from\s*)?["'](\.[^"']+)["']/g)].map((match) => match[1]);
  const dynamics = [...code.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)].map((match) => match[1]);
  return { statics, dynamics };
}

/** @returns the files `file` needs before it runs (itself and its static imports, transitively) */
async function withStaticImports(file, seen = new Map()) {
  if (seen.has(file.href)) return seen;
  const code = await readFile(file);
  seen.set(file.href, code);
  for (const path of importsOf(code.toString()).statics) await withStaticImports(new URL(path, file), seen);
  return seen;
}

const size = (files) => [...files.values()].reduce(([min, gz], code) => [min + code.length, gz + gzip(code)], [0, 0]);

const rows = [];
// The victims' drop-in: the classic script, then what it imports at once (all before a case opens).
const loader = new URL('victim-portal.js', dist);
const loaderCode = (await readFile(loader)).toString();
const firstLoad = await withStaticImports(loader);
for (const path of importsOf(loaderCode).dynamics) await withStaticImports(new URL(path, loader), firstLoad);
const [firstMin, firstGzip] = size(firstLoad);
rows.push(['dist/victim-portal.js, first load (the script and the modules it imports at once: Lit, SDK, every element but messages)', firstMin, firstGzip]);
// The chunks loaded later, each on its own.
for (const [label, pattern] of [
  ['+ dist/victim-portal/messages-*.js, when a case opens (<vp-messages>)', /^messages-/],
  ['+ dist/victim-portal/cy-*.js, on Welsh pages only', /^cy-/],
]) {
  const { readdir } = await import('node:fs/promises');
  const name = (await readdir(new URL('victim-portal/', dist))).find((file) => pattern.test(file));
  if (!name) throw new Error(`No chunk for ${label}`);
  const code = await readFile(new URL(`victim-portal/${name}`, dist));
  rows.push([label, code.length, gzip(code)]);
}
const officer = await readFile(new URL('officer-inbox.js', dist));
rows.push(['dist/officer-inbox.js (everything: Lit, SDK; not Welsh)', officer.length, gzip(officer)]);
const welsh = await readFile(new URL('locales/cy.js', dist));
rows.push(['+ dist/locales/cy.js, for the officer drop-in on Welsh pages', welsh.length, gzip(welsh)]);

for (const name of ['case-status', 'oic-card', 'quick-exit', 'sign-in', 'messages', 'portal', 'officer-inbox']) {
  const bundle = await rollup({
    input: new URL(`esm/${name}/${name}.js`, dist).pathname,
    external: (id) => /^(lit|@lit\/|@victim-portal\/)/.test(id),
    // Welsh and <vp-messages> in the portal are separate chunks in ESM, loaded when needed: not counted here.
    treeshake: true,
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: false, plugins: [terser()] });
  // The entry and the chunks it imports statically (rollup moves code shared with a lazy chunk out of the entry).
  const chunks = new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const needed = new Set();
  const visit = (chunk) => {
    if (!chunk || needed.has(chunk)) return;
    needed.add(chunk);
    for (const fileName of chunk.imports) visit(chunks.get(fileName));
  };
  visit(output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry));
  const code = [...needed].map((chunk) => chunk.code).join('\n');
  rows.push([`<vp-${name}> own code (ESM)`, code.length, gzip(code)]);
  await bundle.close();
}

console.log('| file | min | min+gzip |\n|---|---:|---:|');
for (const [label, min, gz] of rows) console.log(`| ${label} | ${kb(min)} | ${kb(gz)} |`);

// The victims' drop-in is what most forces paste in, often on slow phones: what it loads before a
// victim can see their case must stay within budget. The officers' one runs inside records
// systems on office machines, but is still kept small.
const budgets = [
  ['dist/victim-portal.js first load', firstGzip, 35 * 1024],
  ['dist/officer-inbox.js', gzip(officer), 30 * 1024],
];
console.log('');
for (const [label, gz, budget] of budgets) {
  if (gz > budget) {
    console.error(`${label} is ${kb(gz)} min+gzip, over its ${kb(budget)} budget.`);
    process.exitCode = 1;
  } else {
    console.log(`${label} is within its ${kb(budget)} min+gzip budget (${budget - gz} bytes to spare).`);
  }
}
