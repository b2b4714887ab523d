/**
 * Gives `<html>` scroll padding and bottom padding as tall as the fixed
 * banner, so the browser scrolls focused elements clear of it (WCAG 2.2 SC
 * 2.4.11) and the end of the page can scroll above it. They are set on the
 * element itself (CSSOM, which CSP allows), not through an inherited custom
 * property, so a change restyles `<html>` alone rather than the whole page.
 * Call it with the banner element, or `null` once it is gone.
 */
export function createBannerHeight(): (banner: HTMLElement | null) => void {
  const style = document.documentElement.style;
  let tracked: HTMLElement | null = null;
  let observer: ResizeObserver | undefined;
  const publish = (height: string) => (style.scrollPaddingBottom = style.paddingBottom = height);
  const measure = () => publish(tracked!.offsetHeight + 'px');
  return (banner) => {
    if (banner == tracked) return;
    if (observer) observer.disconnect();
    tracked = banner;
    if (!banner) return publish('');
    // ResizeObserver reports the first size after the browser's own layout and
    // before the first paint: reading offsetHeight now would force a layout of
    // the whole page inside the script, while it loads.
    if (typeof ResizeObserver == 'function') (observer = new ResizeObserver(measure)).observe(banner);
    else measure();
  };
}
