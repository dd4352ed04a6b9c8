// Prints min+gzip sizes and checks the budgets: the victims' drop-in (what it loads before a
// case opens, then each chunk that follows), the officers' and force staff's drop-ins, and each of
// the 13 elements' own code (defined below, before it is measured). Run after `npm run build`;
// `npm test` runs it after the tests.
import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';

// The languages besides English, named in English for the table ("Welsh", "Polish").
const { targetLocales } = JSON.parse(await readFile(new URL('../lit-localize.json', import.meta.url), 'utf8'));
const languageName = (locale) => new Intl.DisplayNames(['en'], { type: 'language' }).of(locale);

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
// The chunks it loads later, each with what it needs beyond the first load: a language's
// catalogue on pages in that language, and each section of a case when it opens (status as
// soon as a case opens). Found by
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
    ...Object.fromEntries(targetLocales.map((locale) => [locale, `on ${languageName(locale)} pages only`])),
    'section-view': 'when a case opens (the navigation between its sections)',
    'case-status': 'when a case opens (its Status section)',
    'oic-card': 'when a case opens (its Status section)',
  }[name] ?? 'when its section opens';
  return [`+ dist/victim-portal/${name}-*.js, ${when}${shared.length ? ` (with ${shared.join(', ')})` : ''}`, ...size(files)];
});
rows.push(...chunkRows.sort(([a], [b]) => a.localeCompare(b)));
const officer = await readFile(new URL('officer-inbox.js', dist));
rows.push(['dist/officer-inbox.js (everything: Lit, SDK; English only)', officer.length, gzip(officer)]);
const dashboard = await readFile(new URL('force-dashboard.js', dist));
rows.push(['dist/force-dashboard.js (everything: Lit, SDK; English only)', dashboard.length, gzip(dashboard)]);
for (const locale of targetLocales) {
  const catalogue = await readFile(new URL(`locales/${locale}.js`, dist));
  rows.push([`+ dist/locales/${locale}.js, for the officer and dashboard drop-ins on ${languageName(locale)} pages`, catalogue.length, gzip(catalogue)]);
}

// Each element's own code: the modules in its folder of dist/esm/ (one per source file in its
// src/ folder: the element, its styles, controllers and views, lazy ones too), plus any module of
// src/shared/ or src/events/ that no other element uses. Left out, as a force's bundle shares
// them: Lit, @lit/localize, the SDK and tslib's helper; the modules of src/shared/ and src/events/
// that two or more elements use (the row "shared by the elements" counts them once); and the
// other elements an element shows (<vp-portal>'s sections and sign-in), each counted in its own
// row. So every module is counted once: in its element's row, or in the shared row.
const esm = new URL('esm/', dist);
const elements = {
  portal: 'portal/portal.js',
  'sign-in': 'sign-in/sign-in.js',
  'quick-exit': 'quick-exit/quick-exit.js',
  'case-status': 'case-status/case-status.js',
  'oic-card': 'oic-card/oic-card.js',
  timeline: 'timeline/timeline.js',
  'crime-report': 'crime-report/crime-report.js',
  messages: 'messages/messages.js',
  rights: 'rights/vp-rights.js',
  'support-services': 'support-services/vp-support-services.js',
  preferences: 'preferences/vp-preferences.js',
  'officer-inbox': 'officer-inbox/officer-inbox.js',
  'force-dashboard': 'force-dashboard/force-dashboard.js',
};
const sharedFolders = ['shared', 'events'];
const folderOf = (href) => href.slice(esm.href.length).split('/')[0];
const modulesIn = async (folder) =>
  (await readdir(new URL(`${folder}/`, esm))).filter((file) => file.endsWith('.js')).map((file) => new URL(`${folder}/${file}`, esm).href);
const importsFrom = async (href) => {
  const { statics, dynamics } = importsOf((await readFile(new URL(href))).toString());
  return [...statics, ...dynamics].map((path) => new URL(path, href).href);
};
// Which elements use each shared module (directly, or through other shared modules).
const own = new Map();
const users = new Map();
for (const [name, entry] of Object.entries(elements)) {
  const modules = await modulesIn(entry.split('/')[0]);
  own.set(name, modules);
  const queue = [...modules];
  const reached = new Set();
  while (queue.length) {
    for (const href of await importsFrom(queue.shift())) {
      if (!sharedFolders.includes(folderOf(href)) || reached.has(href)) continue;
      reached.add(href);
      queue.push(href);
      users.set(href, new Set([...(users.get(href) ?? []), name]));
    }
  }
}
for (const [href, names] of users) if (names.size === 1) own.get([...names][0]).push(href);
const sharedModules = [...users].filter(([, names]) => names.size > 1).map(([href]) => href);

/** @returns the minified code of `modules` (the first is the entry), with every other import left out */
async function minified(modules) {
  const bundle = await rollup({
    input: modules.map((href) => new URL(href).pathname),
    external: (id, _importer, resolved) => /^(lit|@lit\/|@victim-portal\/)/.test(id) || (resolved && !modules.includes(pathToFileURL(id).href)),
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser()] });
  await bundle.close();
  return output.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
}

const ownSizes = [];
for (const [name, entry] of Object.entries(elements)) {
  const modules = own.get(name);
  const entryHref = new URL(entry, esm).href;
  const code = await minified([entryHref, ...modules.filter((href) => href !== entryHref)]);
  ownSizes.push([`<vp-${name}>`, gzip(code)]);
  const onlyHere = modules.filter((href) => sharedFolders.includes(folderOf(href))).map((href) => href.slice(esm.href.length).replace(/\.js$/, ''));
  rows.push([`<vp-${name}> own code (${modules.length} modules${onlyHere.length ? `, with ${onlyHere.join(', ')}, which only it uses` : ''})`, code.length, gzip(code)]);
}
const sharedCode = await minified(sharedModules);
rows.push([`src/shared/ and src/events/: the ${sharedModules.length} modules two or more elements use`, sharedCode.length, gzip(sharedCode)]);

console.log('| file | min | min+gzip |\n|---|---:|---:|');
for (const [label, min, gz] of rows) console.log(`| ${label} | ${kb(min)} | ${kb(gz)} |`);

// The victims' drop-in is what most forces paste in, often on slow phones: what it loads before a
// victim can see their case must stay within budget. The officers' one runs inside records
// systems on office machines, and the force staff's dashboard on theirs, but both are still kept small.
const budgets = [
  ['dist/victim-portal.js first load', firstGzip, 35 * 1024],
  ['dist/officer-inbox.js', gzip(officer), 30 * 1024],
  ['dist/force-dashboard.js', gzip(dashboard), 30 * 1024],
  // No element's own code over 8 KB: an element that grows past it moves what it shares into
  // src/shared/, or splits into elements that load on their own.
  ...ownSizes.map(([label, gz]) => [`${label} own code`, gz, 8 * 1024]),
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
