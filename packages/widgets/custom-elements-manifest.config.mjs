// The custom elements manifest (custom-elements.json), published with the package and read by
// Storybook's docs pages and by editors: each element's tag, attributes, properties, `vp-` events,
// parts and design tokens, from the element classes' JSDoc and Lit's decorators.
// `npm run build` writes it (`npx cem analyze` alone does too).
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Our elements register through `defineElement('vp-…', Class)` (shared/define.ts), which warns
 * instead of throwing when another copy took the tag; the analyzer only knows
 * `customElements.define`. This reads those calls the same way: the class gets its tag, and the
 * module exports the definition.
 * @returns an analyzer plugin
 */
const defineElementCalls = () => ({
  name: 'vp-define-element-calls',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
    const [tag, element] = node.arguments;
    if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
    moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module: moduleDoc.path } }];
  },
  moduleLinkPhase({ moduleDoc }) {
    for (const definition of (moduleDoc.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition')) {
      const declaration = moduleDoc.declarations?.find((candidate) => candidate.name === definition.declaration.name);
      if (declaration) Object.assign(declaration, { tagName: definition.name, customElement: true });
    }
  },
});

/** @returns the `vp-` events that src/ declares in `GlobalEventHandlersEventMap`, typed for listeners */
function declaredEvents() {
  const src = new URL('./src/', import.meta.url);
  const files = readdirSync(src, { recursive: true }).filter((file) => /(?<!\.test|\.stories)\.ts$/.test(file));
  const maps = files.flatMap((file) => [...readFileSync(new URL(file, src), 'utf8').matchAll(/interface GlobalEventHandlersEventMap\s*{([^}]*)}/g)].map((match) => match[1]));
  return new Set(maps.flatMap((body) => [...body.matchAll(/'(vp-[\w-]+)'/g)].map((match) => match[1])));
}

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(caseId, …))` and takes the
 * first argument for the name (`caseId`, or nothing). Our events are classes whose type is fixed
 * (`vp-…`), documented with `@fires` on the element; what else it found is dropped. Every event
 * declared for listeners (`GlobalEventHandlersEventMap`) must be documented on some element.
 * @returns an analyzer plugin
 */
const vpEventsOnly = () => ({
  name: 'vp-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
      if (!declaration.events) continue;
      declaration.events = declaration.events.filter((event) => event.name?.startsWith('vp-'));
    }
    // Every event a listener can be typed for is documented on the elements that fire it.
    const documented = new Set(customElementsManifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => declaration.events ?? []).map((event) => event.name));
    const missing = [...declaredEvents()].filter((name) => !documented.has(name));
    if (missing.length) throw new Error(`No element documents ${missing.join(', ')} with @fires: add it to the JSDoc of the elements that fire it.`);
  },
});

/**
 * Every element adopts the theme (shared/theme.styles.ts), so every design token reaches every
 * element: those its JSDoc does not name are added with the theme's default, and those it names
 * get the default too. Read from the theme itself, so a new token is documented everywhere.
 * @returns an analyzer plugin
 */
const themeTokens = () => {
  const theme = readFileSync(new URL('./src/shared/theme.styles.ts', import.meta.url), 'utf8');
  // The first fallback of each token is its default; a second one is the dark mode's.
  const tokens = new Map();
  for (const [, name, fallback] of theme.matchAll(/var\((--vp-[\w-]+),\s*([^;]+?)\);/g)) tokens.set(name, [...(tokens.get(name) ?? []), fallback.trim()]);
  const darkNote = (name) => (tokens.get(name)[1] ? ` Unset, it is ${tokens.get(name)[1]} in dark mode.` : '');
  return {
    name: 'vp-theme-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.customElement || !declaration.tagName) continue;
        const documented = (declaration.cssProperties ??= []);
        for (const property of documented.filter(({ name }) => tokens.has(name))) {
          property.default ??= tokens.get(property.name)[0];
          property.description = `${property.description ?? ''}${darkNote(property.name)}`.trim();
        }
        for (const [name, [fallback]] of tokens) {
          if (documented.some((property) => property.name === name)) continue;
          documented.push({ name, default: fallback, description: `Design token (shared/theme.styles.ts), set on the page around the element.${darkNote(name)}` });
        }
      }
    },
  };
};

/**
 * The package publishes dist/, not src/: module paths point at the built ESM modules that
 * `exports` names (src/portal/portal.ts → dist/esm/portal/portal.js).
 * @returns an analyzer plugin
 */
const builtPaths = () => {
  const built = (path) => path?.replace(/^src\//, 'dist/esm/').replace(/\.ts$/, '.js');
  return {
    name: 'vp-built-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = built(module.path);
        for (const entry of [...(module.exports ?? []), ...(module.declarations ?? [])]) {
          for (const reference of [entry.declaration, entry.superclass, entry.inheritedFrom]) if (reference?.module) reference.module = built(reference.module);
          for (const member of entry.members ?? []) if (member.inheritedFrom?.module) member.inheritedFrom.module = built(member.inheritedFrom.module);
        }
      }
    },
  };
};

export default {
  globs: ['src/**/*.ts'],
  // Tests, stories and their helpers are never published; src/locales/ is generated strings.
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/stories/**', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest (`customElements`); the analyzer would rewrite it.
  packagejson: false,
  plugins: [defineElementCalls(), vpEventsOnly(), themeTokens(), builtPaths()],
};
