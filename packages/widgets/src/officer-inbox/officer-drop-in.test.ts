import { describe, expect, it } from 'vitest';

// The built officer bundle, loaded with a plain <script> tag as a records system's page does.
// This file imports no element source, so the element here comes from the bundle.
describe('dist/officer-inbox.js', () => {
  it('registers <vp-officer-inbox> and nothing of the victims\' portal', async () => {
    const script = document.createElement('script');
    script.src = '/dist/officer-inbox.js';
    await new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new Error('dist/officer-inbox.js did not load: run `npm run build`')));
      document.head.append(script);
    });

    expect(customElements.get('vp-officer-inbox')).toBeDefined();
    expect(customElements.get('vp-portal')).toBeUndefined();
    expect(customElements.get('vp-messages')).toBeUndefined();
  });
});
