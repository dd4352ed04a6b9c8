// Generates src/generated/ from openapi/victim-portal.yaml: TypeScript types (openapi-typescript)
// and the contract as JSON (so nothing at run time needs a YAML parser).
// `--check` writes nothing and fails when the committed files are stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url);
const source = new URL('openapi/victim-portal.yaml', root);
const outDir = new URL('../src/generated/', import.meta.url);
const banner = '// GENERATED from openapi/victim-portal.yaml by packages/contract/scripts/generate.js. Do not edit.\n';

const yamlText = await readFile(source, 'utf8');
const document = parse(yamlText);
const types = banner + '/* eslint-disable */\n' + astToString(await openapiTS(document, { defaultNonNullable: false }));
const json = JSON.stringify(document, null, 2) + '\n';

const outputs = [
  [new URL('victim-portal.ts', outDir), types],
  [new URL('openapi.json', outDir), json],
];

if (process.argv.includes('--check')) {
  const stale = [];
  for (const [file, want] of outputs) {
    const have = await readFile(file, 'utf8').catch(() => '');
    if (have !== want) stale.push(fileURLToPath(file));
  }
  if (stale.length > 0) {
    console.error(`Generated contract files are stale: ${stale.join(', ')}\nRun: npm run generate -w @victim-portal/contract`);
    process.exit(1);
  }
  console.log('contract: generated files match openapi/victim-portal.yaml');
} else {
  for (const [file, text] of outputs) await writeFile(file, text);
}
