import type { ConsentPlugin } from '../core/plugin';

/**
 * Keeps the site's other open tabs in step: a change here is announced on a
 * BroadcastChannel and the other tabs re-read the cookie at once. Where
 * BroadcastChannel is missing (or a change came from a server response), tabs
 * re-read it when they are shown or focused.
 */
export const tabSync: ConsentPlugin = (consent) => {
  let channel: BroadcastChannel | undefined;
  let listening = false;
  let adopting = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    adopting = true;
    consent.refresh();
    adopting = false;
  };
  const listen = () => {
    if (listening) return;
    listening = true;
    try {
      channel = new BroadcastChannel(`biscuit-consent:${consent.config.cookie.name}`);
      channel.onmessage = refresh;
    } catch {
      // Old browsers, or a page that removed it: the focus re-read below still works.
    }
    // A change announced before the channel was connected is caught by
    // reading the cookie once more, once it surely is.
    timer = setTimeout(refresh, 50);
  };
  // Opening the channel costs the browser work on every page load (0.4 ms
  // of a returning visitor's 4 ms of script). A tab the visitor is looking at
  // cannot miss a choice they make in another: they leave it first, and it
  // listens from then on. Only a tab loaded out of sight (opened in the
  // background, a frame) listens from the start, once the page has loaded.
  if (!document.hasFocus()) timer = setTimeout(listen, 50);
  const off = consent.on('change', () => {
    // A change adopted from another tab is not announced back to it.
    if (adopting) return;
    listen();
    channel?.postMessage(0);
  });
  const onVisibility = () => (document.visibilityState == 'visible' ? refresh() : listen());
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('focus', refresh);
  window.addEventListener('blur', listen);
  return () => {
    clearTimeout(timer);
    off();
    channel?.close();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', refresh);
    window.removeEventListener('blur', listen);
  };
};
