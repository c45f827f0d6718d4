/**
 * @module web/lib/use-url-toggle
 * A yes/no filter kept in the page's URL (`?name=true`), for checkboxes such as "Only staff who need
 * attention". The box follows the click at once: React Router applies search-parameter changes in a
 * transition, so a checkbox bound straight to the URL would show its old state until that transition
 * commits — a flicker for people, and a failed `check()` for a test that looks right after the click.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Reads and sets the boolean URL parameter `name`; other parameters are kept.
 *
 * @param name - the query parameter, present as `true` when the toggle is on
 * @returns the toggle's current value and a setter that updates the box now and the URL after
 */
export function useUrlToggle(name: string): [boolean, (on: boolean) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get(name) === 'true';
  // The value last chosen here, and the URL value it was chosen against: once the URL moves on (the
  // navigation committed, or the user went back), the URL is the truth again.
  const [chosen, setChosen] = useState<{ value: boolean; against: boolean } | null>(null);
  const value = chosen !== null && chosen.against === inUrl ? chosen.value : inUrl;

  const set = (on: boolean): void => {
    setChosen({ value: on, against: inUrl });
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (on) next.set(name, 'true');
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  return [value, set];
}
