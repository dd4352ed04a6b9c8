import { Link, paths } from '../router.js';

/** The force's front page: nothing of the portal here, only a way to it. */
export function HomePage() {
  return (
    <>
      <h1 tabIndex={-1}>Riverford Police</h1>
      <p className="lede">Keeping Riverford safe. Report a crime, find out what is happening with one you reported, or get in touch.</p>
      <Emergency />
      <ul className="tasks">
        <li>
          <Link to={paths.track}>Track your crime report</Link> if we sent you an invite by email or text.
        </li>
        <li>To report a crime that is not an emergency, call 101.</li>
      </ul>
    </>
  );
}

/** The reminder every page of the site carries. */
export function Emergency() {
  return (
    <div className="emergency" role="note">
      <p>
        <strong>In an emergency, call 999.</strong> If you are deaf or speech-impaired, text 999 after registering with
        emergencySMS. For anything else you can still call 101 or visit a station.
      </p>
    </div>
  );
}
