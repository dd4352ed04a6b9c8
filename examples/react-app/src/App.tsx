import { useEffect, useRef, useState } from 'react';
import type { VpPortal } from '@victim-portal/widgets/portal';
import { HomePage } from './pages/HomePage.js';
import { TrackReportPage } from './pages/TrackReportPage.js';
import { paths, usePath } from './router.js';
import { SiteHeader } from './SiteHeader.js';
import type { SiteConfig } from './site-config.js';

/** Riverford Police's site: its header and pages, one of which holds the Victim Portal. */
export function App({ config }: { config: SiteConfig }) {
  const path = usePath();
  const onTrackPage = path === paths.track;
  // Whether a victim signed in through the portal, as its events tell the app. Kept here, above
  // the pages, so it outlasts a visit to another page (the portal's session does too: it is in
  // sessionStorage, and the portal resumes it when the page is back).
  const [signedIn, setSignedIn] = useState(false);
  const portal = useRef<VpPortal>(null);
  const main = useRef<HTMLElement>(null);
  usePageFocus(path, main);

  useEffect(() => {
    document.title = onTrackPage ? 'Track your crime report – Riverford Police' : 'Riverford Police';
  }, [onTrackPage]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader
        path={path}
        // Signing out is the portal's to do (it ends the session on the service and forgets the
        // case); the header only offers it while the portal is on the page to ask.
        onSignOut={signedIn && onTrackPage ? () => void portal.current?.signOut() : undefined}
      />
      <main id="main" ref={main} tabIndex={-1} className="site-width">
        {onTrackPage ? (
          <TrackReportPage
            config={config}
            portalRef={portal}
            onSignedIn={() => setSignedIn(true)}
            onSignedOut={() => setSignedIn(false)}
          />
        ) : (
          <HomePage />
        )}
      </main>
      <footer className="site-footer">
        <div className="site-width">
          <p>Riverford Police is a fictional force used to show Victim Portal inside a React app.</p>
        </div>
      </footer>
    </>
  );
}

/**
 * After a change of page in the app (not on arrival), moves focus to the new page's heading, as
 * a full page load would start a screen reader at the top: otherwise focus stays on a link that
 * is gone and keyboard users start again from the top of the document.
 */
function usePageFocus(path: string, main: React.RefObject<HTMLElement | null>): void {
  const arrived = useRef(false);
  useEffect(() => {
    if (!arrived.current) {
      arrived.current = true;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path, main]);
}
