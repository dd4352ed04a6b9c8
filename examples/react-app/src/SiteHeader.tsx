import { Link, paths } from './router.js';

interface SiteHeaderProps {
  path: string;
  /** Offered only while a victim is signed in to the portal on this page. */
  onSignOut: (() => void) | undefined;
}

/** The force's own header: its name, its navigation, and "Sign out" while a victim is signed in. */
export function SiteHeader({ path, onSignOut }: SiteHeaderProps) {
  const current = (to: string) => (path === to ? 'page' : undefined);
  return (
    <header className="site-header">
      <div className="site-width">
        <Link className="site-logo" to={paths.home}>
          Riverford Police
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link to={paths.home} aria-current={current(paths.home)}>
                Home
              </Link>
            </li>
            <li>
              <Link to={paths.track} aria-current={current(paths.track)}>
                Track your crime report
              </Link>
            </li>
            {onSignOut ? (
              <li>
                <button className="sign-out" type="button" onClick={onSignOut}>
                  Sign out
                </button>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}
