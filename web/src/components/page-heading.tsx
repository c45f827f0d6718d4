/**
 * @module web/components/page-heading
 * The page's `<h1>`, which also sets the document title. It can take focus (tabIndex -1) so the app shell
 * can move focus to it after client-side navigation, as a screen reader user expects on a new page.
 */
import { useEffect } from 'react';
import type { JSX, ReactNode } from 'react';

export interface PageHeadingProps {
  children: ReactNode;
  /** Text for the browser tab, before " – Peerline". */
  title: string;
}

export function PageHeading({ children, title }: PageHeadingProps): JSX.Element {
  useEffect(() => {
    document.title = `${title} – Peerline`;
  }, [title]);
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
