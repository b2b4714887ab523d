/** @jsxImportSource react */
import type { ConsentSource } from '../../../src/entries/index';
import { useConsent } from './consent';

/** Where the choice was made, in words. */
const MADE: Record<ConsentSource, string> = {
  banner: 'in the cookie banner',
  panel: 'in the cookie settings',
  api: 'on this page',
  gpc: "by your browser's Global Privacy Control signal",
  placeholder: 'on the placeholder of an embedded item',
};

/** The consent record as it stands; re-renders whenever it changes. */
export function ConsentSummary() {
  const record = useConsent();
  return (
    <>
      <table>
        <caption>{record.decided && record.source ? `Your choice, made ${MADE[record.source]}` : 'You have not chosen yet'}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Cookies</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(record.categories).map(([name, granted]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{granted ? 'Allowed' : 'Not allowed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>The whole record</summary>
        <pre>{JSON.stringify(record, null, 2)}</pre>
      </details>
    </>
  );
}
