// JSX typing for the Victim Portal's elements used in this app. The widgets ship
// HTMLElementTagNameMap entries (for document.querySelector and friends); React's JSX needs its
// own list of intrinsic elements, so an app declares the ones it renders, with the attributes
// it sets and the `vp-` events it listens to.
//
// React 19 passes a custom element's props through as they are named: `api-base` is not a
// property of the element, so it is set as an attribute; `on` + an event's name (`onvp-signed-in`)
// adds a listener for that DOM event (react.dev/reference/react-dom/components#custom-html-elements).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { VpQuickExitEvent, VpSignedInEvent, VpSignedOutEvent } from '@victim-portal/widgets';
import type { VpPortal } from '@victim-portal/widgets/portal';

/** The attributes and events of `<vp-portal>` (see its custom-elements.json entry). */
interface VpPortalProps extends DetailedHTMLProps<HTMLAttributes<VpPortal>, VpPortal> {
  /** The API's base URL, e.g. `/`. */
  'api-base'?: string;
  /** The force's slug, for a returning victim's new sign-in link. */
  force?: string;
  /** The neutral page the quick exit goes to. */
  'exit-url'?: string;
  /** The level of the portal's headings (2–6) under the page's own. */
  'heading-level'?: 2 | 3 | 4 | 5 | 6;
  'onvp-signed-in'?: (event: VpSignedInEvent) => void;
  'onvp-signed-out'?: (event: VpSignedOutEvent) => void;
  'onvp-quick-exit'?: (event: VpQuickExitEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'vp-portal': VpPortalProps;
    }
  }
}
