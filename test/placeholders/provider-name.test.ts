import { describe, expect, it } from 'vitest';
import { providerName } from '../../src/placeholders/provider-name';

const BASE = 'https://council.example/bins/';
const frame = (attributes: Record<string, string>) => {
  const element = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};
const from = (src: string) => providerName(frame({ 'data-src': src }), BASE);

describe('providerName', () => {
  it('takes data-consent-provider when the site gave one, as written', () => {
    expect(providerName(frame({ 'data-consent-provider': ' Our video partner ', 'data-src': 'https://www.youtube.com/embed/x' }), BASE)).toBe(
      'Our video partner',
    );
  });

  it.each([
    ['https://www.youtube.com/embed/abc?start=3', 'YouTube'],
    ['https://www.youtube-nocookie.com/embed/abc', 'YouTube'],
    ['https://youtu.be/abc', 'YouTube'],
    ['https://player.vimeo.com/video/1?h=2&dnt=1', 'Vimeo'],
    ['https://www.google.com/maps/embed?pb=!1m18', 'Google Maps'],
    ['https://www.google.co.uk/maps/embed/v1/place?key=K&q=Leeds', 'Google Maps'],
    ['https://maps.google.com/maps?q=x&output=embed', 'Google Maps'],
  ])('knows %s as %s', (src, name) => {
    expect(from(src)).toBe(name);
  });

  it('names any other host by its host name, without www.', () => {
    expect(from('https://www.example.org/widget')).toBe('example.org');
    expect(from('https://player.example.net:8443/x')).toBe('player.example.net');
    // Google's other services are not Google Maps.
    expect(from('https://www.google.com/recaptcha/api')).toBe('google.com');
  });

  it('is not fooled by a host that only starts like a known one', () => {
    expect(from('https://youtube.com.attacker.example/embed/x')).toBe('youtube.com.attacker.example');
    expect(from('https://google.com.attacker.example/maps/embed')).toBe('google.com.attacker.example');
  });

  it('keeps an internationalised host in its xn-- form, so a look-alike cannot pass for another site', () => {
    // The "о" is Cyrillic.
    expect(from('https://www.yоutube.com/embed/x')).toMatch(/^xn--[a-z\d-]+\.com$/);
  });

  it('reads a relative address against the page', () => {
    expect(from('/video/1')).toBe('council.example');
    expect(providerName(frame({ src: 'https://www.youtube.com/embed/x' }), BASE)).toBe('YouTube');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<p>x', 'http://[bad', ''])('has no provider for %j', (src) => {
    expect(from(src)).toBe('');
  });
});
