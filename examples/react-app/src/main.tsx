import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <vp-portal> (and the elements it uses) from the widgets' ESM build, so this bundle
// and the portal share one copy of Lit. Before the first render: React then sets the
// element's properties rather than attributes where the element has them.
import '@victim-portal/widgets/portal';
import { App } from './App.js';
import { readSiteConfig } from './site-config.js';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element for the app');
createRoot(root).render(
  <StrictMode>
    <App config={readSiteConfig(root)} />
  </StrictMode>,
);
