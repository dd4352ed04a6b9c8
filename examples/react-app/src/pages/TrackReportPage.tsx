import type { RefObject } from 'react';
import type { VpPortal } from '@victim-portal/widgets/portal';
import type { SiteConfig } from '../site-config.js';
import { Emergency } from './HomePage.js';

interface TrackReportPageProps {
  config: SiteConfig;
  /** The portal element, so the site's header can ask it to sign out. */
  portalRef: RefObject<VpPortal | null>;
  onSignedIn(): void;
  onSignedOut(): void;
}

/**
 * The page with the Victim Portal on it. The element is rendered like any other: attributes
 * as props, its `vp-` DOM events as `on`-props (React 19 adds a listener for each), and a ref
 * for its one method, `signOut()`. React never looks inside it: the portal keeps its own screens.
 */
export function TrackReportPage({ config, portalRef, onSignedIn, onSignedOut }: TrackReportPageProps) {
  return (
    <>
      <h1 tabIndex={-1}>Track your crime report</h1>
      <p className="lede">
        If you reported a crime and we sent you an invite by email or text, open the link in it to see what has happened
        on your case, who is dealing with it, when you will next hear, your rights, and where to get support.
      </p>
      <Emergency />
      <vp-portal
        ref={portalRef}
        api-base={config.apiBase}
        force={config.force}
        exit-url={config.exitUrl}
        onvp-signed-in={onSignedIn}
        onvp-signed-out={onSignedOut}
        // The portal has already forgotten the case and is leaving the page: the app forgets too.
        onvp-quick-exit={onSignedOut}
      ></vp-portal>
    </>
  );
}
