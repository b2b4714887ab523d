import type { ConsentPlugin } from '../core/plugin';

/**
 * Keeps the site's other open tabs in step: a change here is announced on a
 * BroadcastChannel and the other tabs re-read the cookie at once. Where
 * BroadcastChannel is missing (or a change came from a server response), tabs
 * re-read it when they are shown or focused.
 */
export const tabSync: ConsentPlugin = (consent) => {
  let channel: BroadcastChannel | undefined;
  let adopting = false;
  const refresh = () => {
    adopting = true;
    consent.refresh();
    adopting = false;
  };
  // Opening the channel costs the browser some work: leave it until the page
  // has loaded, well within the second another tab's change may take. A
  // change announced before then is caught by reading the cookie once more.
  const open = setTimeout(() => {
    try {
      channel = new BroadcastChannel(`biscuit-consent:${consent.config.cookie.name}`);
      channel.onmessage = refresh;
    } catch {
      // Old browsers, or a page that removed it: the focus re-read below still works.
    }
    refresh();
  }, 50);
  const off = consent.on('change', () => {
    // A change adopted from another tab is not announced back to it.
    if (!adopting && channel) channel.postMessage(0);
  });
  const onVisible = () => document.visibilityState == 'visible' && refresh();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', refresh);
  return () => {
    clearTimeout(open);
    off();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', refresh);
  };
};
