// Prints min+gzip sizes and checks the budgets: the victims' drop-in (what it loads before a
// case opens, then each chunk that follows), the officers' drop-in, and each element's own code (its
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
rows.push(['dist/victim-portal.js, first load (the script and the modules it imports at once: Lit, SDK, the portal, sign-in, quick exit)', firstMin, firstGzip]);
// The chunks it loads later, each with what it needs beyond the first load: Welsh on Welsh
// pages, and each section of a case when it opens (status as soon as a case opens). Found by
// following the built code's import() calls, so files left in dist/ by older builds are not counted.
const later = new Map();
for (const [href, code] of firstLoad) {
  for (const path of importsOf(code.toString()).dynamics) {
    const chunk = new URL(path, href);
    if (firstLoad.has(chunk.href) || later.has(chunk.href)) continue;
    const files = await withStaticImports(chunk);
    for (const loaded of firstLoad.keys()) files.delete(loaded);
    later.set(chunk.href, files);
  }
}
const chunkRows = [...later].map(([href, files]) => {
  const name = href.split('/').pop().replace(/-[\w-]{8}\.js$/, '');
  const shared = [...files.keys()].filter((file) => file !== href).map((file) => file.split('/').pop().replace(/-[\w-]{8}\.js$/, ''));
  const when = {
    cy: 'on Welsh pages only',
    'section-view': 'when a case opens (the navigation between its sections)',
    'case-status': 'when a case opens (its Status section)',
    'oic-card': 'when a case opens (its Status section)',
  }[name] ?? 'when its section opens';
  return [`+ dist/victim-portal/${name}-*.js, ${when}${shared.length ? ` (with ${shared.join(', ')})` : ''}`, ...size(files)];
});
rows.push(...chunkRows.sort(([a], [b]) => a.localeCompare(b)));
const officer = await readFile(new URL('officer-inbox.js', dist));
rows.push(['dist/officer-inbox.js (everything: Lit, SDK; not Welsh)', officer.length, gzip(officer)]);
const dashboard = await readFile(new URL('force-dashboard.js', dist));
rows.push(['dist/force-dashboard.js (everything: Lit, SDK; not Welsh)', dashboard.length, gzip(dashboard)]);
const welsh = await readFile(new URL('locales/cy.js', dist));
rows.push(['+ dist/locales/cy.js, for the officer and dashboard drop-ins on Welsh pages', welsh.length, gzip(welsh)]);

for (const name of ['case-status', 'oic-card', 'timeline', 'crime-report', 'quick-exit', 'sign-in', 'messages', 'portal', 'officer-inbox', 'force-dashboard']) {
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
// systems on office machines, and the force staff's dashboard on theirs, but both are still kept small.
const budgets = [
  ['dist/victim-portal.js first load', firstGzip, 35 * 1024],
  ['dist/officer-inbox.js', gzip(officer), 30 * 1024],
  ['dist/force-dashboard.js', gzip(dashboard), 30 * 1024],
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
