/**
 * Publishes the height of the fixed banner as `--bc-banner-height` on `<html>`
 * and marks it with the `bc-banner-fixed` class, which style.css turns into
 * `scroll-padding-bottom` (so the browser scrolls focused elements clear of the
 * banner: WCAG 2.2 SC 2.4.11) and bottom padding (so the end of the page can
 * scroll above it). Call it with the banner element, or `null` once it is gone.
 */
export function createBannerHeight(): (banner: HTMLElement | null) => void {
  const html = document.documentElement;
  let tracked: HTMLElement | null = null;
  let observer: ResizeObserver | undefined;
  const publish = () => html.style.setProperty('--bc-banner-height', tracked!.offsetHeight + 'px');
  return (banner) => {
    if (banner == tracked) return;
    if (observer) observer.disconnect();
    tracked = banner;
    html.classList.toggle('bc-banner-fixed', !!banner);
    if (!banner) return html.style.removeProperty('--bc-banner-height');
    publish();
    if (typeof ResizeObserver == 'function') (observer = new ResizeObserver(publish)).observe(banner);
  };
}
