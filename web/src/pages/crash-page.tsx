/**
 * @module web/pages/crash-page
 * Shown when rendering a page throws: a plain apology and a way out, never a blank screen.
 */
import type { JSX } from 'react';
import { useRouteError } from 'react-router';

export function CrashPage(): JSX.Element {
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="page-width centered-page">
      <h1>Something went wrong</h1>
      <p>Peerline hit an error it did not expect while showing this page. Reload to try again.</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        <a className="button button-secondary" href="/">
          Go to the home page
        </a>
      </p>
    </main>
  );
}
