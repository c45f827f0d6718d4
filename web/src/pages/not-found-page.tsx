/**
 * @module web/pages/not-found-page
 * Any path inside the signed-in app that matches no page.
 */
import type { JSX } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading.js';

export function NotFoundPage(): JSX.Element {
  return (
    <>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p>
        There is no page at this address. If you typed it, check it; if you followed a link, it may be out of
        date.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
