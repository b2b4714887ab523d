import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../src/storage/memory';
import { decidedStorage } from '../ui/start-consent';
import { CONFIG, settle, startPage } from './start-page';

const VIDEO = '<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/a" title="Video"></iframe>';
const placeholders = () => document.querySelectorAll('.bc-placeholder');

describe('the placeholder finder', () => {
  it('loads nothing on a page without embeds, even with blocked scripts waiting', async () => {
    const { load } = startPage('<script type="text/plain" data-consent="analytics">1</script><img data-consent="marketing" data-src="/a.png">');
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads nothing for a returning visitor who allowed what the embeds need', async () => {
    const { load } = startPage(VIDEO, { storage: await decidedStorage(CONFIG) });
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/a');
  });

  it('loads the placeholders once for a page of blocked embeds', async () => {
    const { load } = startPage(VIDEO + VIDEO.replace('/a', '/b') + '<video data-consent="analytics" data-src="/clip.mp4" controls></video>');
    await vi.waitFor(() => expect(placeholders()).toHaveLength(3));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads them when a choice withdraws what an embed that was allowed needs', async () => {
    const { consent, load } = startPage(VIDEO, { storage: await decidedStorage(CONFIG) });
    await settle();
    void consent.save({ marketing: false });
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1));
    expect(load).toHaveBeenCalledTimes(1);
    const frame = document.querySelector('iframe')!;
    expect(frame.hasAttribute('src')).toBe(false);
    expect(frame.getAttribute('data-src')).toBe('https://www.youtube-nocookie.com/embed/a');
  });

  it('leaves out an iframe or video with data-consent-placeholder="off", and other elements without data-consent-placeholder', async () => {
    const { load } = startPage(
      '<iframe data-consent="marketing" data-src="/a" data-consent-placeholder="off"></iframe><img data-consent="marketing" data-src="/a.png"><div data-consent="marketing"></div>',
    );
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('gives any blocked element with data-consent-placeholder a placeholder', async () => {
    startPage('<img data-consent="marketing" data-src="/a.png" data-consent-placeholder alt="Our team" title="Photo of our team">');
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1));
  });

  it('finds embeds the page adds later (a CMS widget, a single-page-app route)', async () => {
    const { load } = startPage('<main></main>');
    await settle();
    expect(load).not.toHaveBeenCalled();
    const section = document.createElement('section');
    section.innerHTML = VIDEO;
    document.querySelector('main')!.append(section);
    await vi.waitFor(() => expect(placeholders()).toHaveLength(1));
    expect(placeholders()[0]!.nextElementSibling).toBe(section.querySelector('iframe'));
  });

  it('reports a chunk that cannot load once, leaves the embed blocked and tries again next time', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const { load } = startPage(VIDEO, {
      storage: createMemoryStorage(),
      load: () => (fail ? Promise.reject(new Error('offline')) : import('../../src/placeholders/placeholder')),
    });
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    document.body.insertAdjacentHTML('beforeend', VIDEO);
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
    fail = false;
    document.body.insertAdjacentHTML('beforeend', VIDEO);
    await vi.waitFor(() => expect(placeholders()).toHaveLength(3));
    expect(load).toHaveBeenCalledTimes(3);
  });
});
