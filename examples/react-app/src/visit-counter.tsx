/** @jsxImportSource react */
import { useEffect, useState } from 'react';

const COOKIE = '_example_visits';

/** This page load's count, so a remount (consent withdrawn, then given again) does not count twice. */
let counted: number | undefined;

/** Counts this page load once, and (re)writes the cookie: a withdrawal deleted it. */
function countVisit(): number {
  if (counted === undefined) {
    const match = document.cookie.match(new RegExp(`(?:^|; )${COOKIE}=(\\d+)`));
    counted = Number(match?.[1] ?? 0) + 1;
  }
  document.cookie = `${COOKIE}=${counted}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  return counted;
}

/**
 * The app's "analytics": it sets a cookie, so it must only ever mount inside
 * a granted <ConsentGate category="analytics">.
 */
export function VisitCounter() {
  const [visits, setVisits] = useState<number>();
  // In an effect, not during render: rendering must not set cookies.
  useEffect(() => setVisits(countVisit()), []);
  return (
    <p className="status" data-on="">
      {visits === undefined ? 'Counting your visit…' : `You have visited this page ${visits} ${visits == 1 ? 'time' : 'times'}.`}
    </p>
  );
}
