import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/harness';

const harness = useBrowser();

describe('script tag smoke test', () => {
  it('shows the banner, accepts, and runs the blocked script', async () => {
    const { page, errors } = await harness.open('/test/browser/pages/basic.html');
    const banner = page.getByRole('region', { name: 'Cookies on this website' });
    await banner.waitFor();
    expect(await page.evaluate(() => (window as { analyticsRan?: number }).analyticsRan)).toBeUndefined();
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => (window as { analyticsRan?: number }).analyticsRan === 1);
    expect(await page.getByText("You've accepted additional cookies.").isVisible()).toBe(true);
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name == 'biscuit_consent')?.value).toMatch(/^1\.0\.\d+\.b\.analytics=1&marketing=1\.[\da-f]{32}$/);
    expect(errors).toEqual([]);
  });
});
