// Builds the React app into public/: one command, no config file. esbuild compiles the TSX and
// bundles React, the app and the portal's ESM (with the Lit they share) into public/app.js, an
// ES module the page loads with <script type="module" src>. Nothing inline and no eval, so
// the page runs under `script-src 'self'; style-src 'self'`.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const publicDir = `${here}public`;

/** The app's routes other than `/`, each served the same page (see router.ts). */
export const routes = ['track'];

/**
 * Bundles the app and writes the page for each route.
 * @returns the files esbuild wrote
 */
export async function buildApp() {
  // Chunks are named by their content: clear the last build's, so old ones do not pile up.
  await rm(`${publicDir}/chunks`, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: here,
    entryPoints: { app: 'src/main.tsx' },
    outdir: publicDir,
    bundle: true,
    format: 'esm',
    // The portal fetches each section of a case the first time it opens: splitting keeps those
    // as chunks of their own here too, instead of one file loading every section up front.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: 'linked',
    target: 'es2022',
    jsx: 'automatic',
    // React's production build; development React is slower and warns in the console.
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  // A static host answers a path only with a file: each route gets the same page, which the
  // router then reads location.pathname from. (A host with a fallback to index.html needs none.)
  for (const route of routes) {
    await mkdir(`${publicDir}/${route}`, { recursive: true });
    await copyFile(`${publicDir}/index.html`, `${publicDir}/${route}/index.html`);
  }
  return Object.keys(result.metafile.outputs);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await buildApp();
  console.log(`Built ${written.length} files into public/`);
}
