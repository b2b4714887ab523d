// Takes the README's screenshots of the visitor's UI on the legacy CMS example
// (and the UK exemptions one), in headless Chromium, so they stay current: run
// it after `npm run build`.
//
//   node examples/screenshots.mjs   → examples/screenshots/*.png
//
// Chromium comes from examples/chromium.mjs (CHROMIUM_PATH, else Debian's package).
// Each shot is cropped to the banner, the dialog or a placeholder at 1024 px wide and saved as
// a 256-colour PNG, so they stay small in the repository. It prints each file
// with the alt text the README should give it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { launchChromium } from './chromium.mjs';
import { createExampleServer, listen } from './serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'screenshots');
const PAGE = '/legacy-cms/';
const WIDTH = 1024;

/** Each screenshot: how to get there from a fresh visit, and what to crop to. */
const SHOTS = [
  {
    file: 'banner.png',
    alt: 'The cookie banner',
    crop: (page) => banner(page),
  },
  {
    file: 'customise-cookies.png',
    alt: 'The Customise cookies dialog',
    // Tall enough for the whole dialog, which otherwise scrolls inside itself.
    height: 1200,
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
    },
    crop: (page) => dialog(page),
    // A margin of the dimmed page around it.
    margin: 8,
  },
  {
    file: 'cookie-table.png',
    alt: 'A cookie table opened in the Customise cookies dialog',
    height: 1200,
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await group(page, 'Analytics cookies')
        .getByText(/^Cookies used/)
        .click();
      await group(page, 'Analytics cookies').getByRole('table').waitFor();
    },
    crop: (page) => group(page, 'Analytics cookies'),
    margin: 8,
  },
  {
    file: 'accepted.png',
    alt: 'The confirmation after accepting additional cookies',
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
      await banner(page).getByText('You’ve accepted additional cookies.').waitFor();
    },
    crop: (page) => banner(page),
  },
  {
    file: 'rejected.png',
    alt: 'The confirmation after rejecting additional cookies',
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Reject additional cookies' }).click();
      await banner(page).getByText('You’ve rejected additional cookies.').waitFor();
    },
    crop: (page) => banner(page),
  },
  {
    file: 'saved.png',
    alt: 'The message after saving cookie preferences',
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await group(page, 'Analytics cookies').getByRole('radio', { name: 'Yes' }).check();
      await dialog(page).getByRole('button', { name: 'Save cookie preferences' }).click();
      await banner(page).getByText('Your cookie preferences have been saved.').waitFor();
    },
    crop: (page) => banner(page),
  },
  {
    file: 'error.png',
    alt: 'The error message when the choice could not be saved',
    // A browser that refuses cookies: the save fails.
    cookies: false,
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Accept additional cookies' }).click();
      await banner(page).getByRole('alert').waitFor();
    },
    crop: (page) => banner(page),
  },
  {
    file: 'placeholder.png',
    alt: 'A blocked video in its own box: what it is, who serves it, the cookies it may set, and the buttons Load this content and Accept Video and social media cookies',
    // Tall enough that the fixed banner stays clear of the video.
    height: 1400,
    crop: (page) => page.getByRole('group', { name: 'Video: how to put your bins out' }),
  },
  {
    file: 'uk-banner.png',
    alt: 'The banner when every optional category is on unless the visitor objects (UK exemptions)',
    page: '/uk-exemptions/',
    crop: (page) => banner(page),
  },
  {
    file: 'uk-turned-off.png',
    alt: 'The confirmation after turning off additional cookies',
    page: '/uk-exemptions/',
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Turn off additional cookies' }).click();
      await banner(page).getByText('You’ve turned off additional cookies.').waitFor();
    },
    crop: (page) => banner(page),
  },
  {
    file: 'uk-customise-cookies.png',
    alt: 'The Customise cookies dialog with categories that are on unless the visitor turns them off',
    page: '/uk-exemptions/',
    height: 1200,
    async reach(page) {
      await banner(page).getByRole('button', { name: 'Customise cookies' }).click();
      await dialog(page).waitFor();
    },
    crop: (page) => dialog(page),
    margin: 8,
  },
  {
    file: 'uk-mixed-banner.png',
    alt: 'The banner with categories that need consent and one that is on unless the visitor objects',
    page: '/uk-exemptions/mixed.html',
    crop: (page) => banner(page),
  },
];

/**
 * Re-encodes a Chromium screenshot (8-bit RGB PNG) with a palette of its 256
 * most used colours: text on flat backgrounds needs no more, and the file is
 * a fraction of the size. Rarer colours (anti-aliased edges) take the nearest.
 */
function toPalette(png) {
  const chunks = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    chunks.push([png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + png.readUInt32BE(at))]);
  }
  const header = chunks.find(([type]) => type == 'IHDR')[1];
  const [width, height, depth, type] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]];
  if (depth != 8 || (type != 2 && type != 6)) return png;
  const channels = type == 6 ? 4 : 3;
  const stride = width * channels;
  const data = inflateSync(Buffer.concat(chunks.filter(([type]) => type == 'IDAT').map(([, data]) => data)));
  // Undo the row filters.
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y ? pixels[(y - 1) * stride + x] : 0;
      const corner = x >= channels && y ? pixels[(y - 1) * stride + x - channels] : 0;
      const paeth = () => {
        const [a, b, c] = [Math.abs(up - corner), Math.abs(left - corner), Math.abs(left + up - 2 * corner)];
        return a <= b && a <= c ? left : b <= c ? up : corner;
      };
      const predicted = [0, left, up, (left + up) >> 1][filter] ?? paeth();
      pixels[y * stride + x] = (data[y * (stride + 1) + 1 + x] + predicted) & 255;
    }
  }
  const colourAt = (i) => (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) counts.set(colourAt(i), (counts.get(colourAt(i)) || 0) + 1);
  const palette = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a)).slice(0, 256);
  const index = new Map(palette.map((colour, i) => [colour, i]));
  const nearest = (colour) => {
    let best = 0;
    let distance = Infinity;
    palette.forEach((candidate, i) => {
      const d = ((candidate >> 16) - (colour >> 16)) ** 2 + (((candidate >> 8) & 255) - ((colour >> 8) & 255)) ** 2 + ((candidate & 255) - (colour & 255)) ** 2;
      if (d < distance) [best, distance] = [i, d];
    });
    index.set(colour, best);
    return best;
  };
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = colourAt(y * stride + x * channels);
      rows[y * (width + 1) + 1 + x] = index.get(colour) ?? nearest(colour);
    }
  }
  const chunk = (type, body) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, 'latin1');
    body.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap((colour) => [colour >> 16, (colour >> 8) & 255, colour & 255]));
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const banner = (page) => page.getByRole('region', { name: 'Cookies on this website' });
const dialog = (page) => page.getByRole('dialog', { name: 'Customise cookies' });
const group = (page, name) => dialog(page).getByRole('group', { name });

async function main() {
  mkdirSync(OUT, { recursive: true });
  const { server, origin } = await listen(createExampleServer());
  const browser = await launchChromium();
  try {
    for (const shot of SHOTS) {
      // No slide-in half way through a screenshot.
      const context = await browser.newContext({ viewport: { width: WIDTH, height: shot.height || 768 }, reducedMotion: 'reduce', colorScheme: 'light' });
      const page = await context.newPage();
      if (shot.cookies === false) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
      }
      await page.goto(origin + (shot.page || PAGE));
      await banner(page).waitFor();
      if (shot.reach) await shot.reach(page);
      // No hover colour on whatever was clicked last.
      await page.mouse.move(0, 0);
      const box = await shot.crop(page).boundingBox();
      const margin = shot.margin || 0;
      const [left, top] = [Math.floor(box.x) - margin, Math.floor(box.y) - margin];
      const clip = { x: left, y: top, width: Math.ceil(box.x + box.width) + margin - left, height: Math.ceil(box.y + box.height) + margin - top };
      const png = toPalette(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
      const path = join(OUT, shot.file);
      writeFileSync(path, png);
      console.log(`${relative(process.cwd(), path)}  ${Math.round(png.length / 1024)} KB  ${shot.alt}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
