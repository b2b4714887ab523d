import { describe, expect, it } from 'vitest';
import { placeholderBox, type MeasuredBox } from '../../src/placeholders/placeholder-box';

/** A 560×315 inline iframe in a wider container, as a browser lays out `<iframe width="560" height="315">`. */
const IFRAME: MeasuredBox = {
  width: 564,
  height: 319,
  display: 'inline',
  position: 'static',
  float: 'none',
  verticalAlign: 'baseline',
  aspectRatio: 'auto',
  margin: [0, 0, 0, 0],
  inset: ['auto', 'auto', 'auto', 'auto'],
  fluid: false,
  widthAttribute: '560',
  heightAttribute: '315',
};

describe('placeholderBox', () => {
  it('keeps an inline frame on its line, its baseline at its bottom edge, at its size', () => {
    expect(placeholderBox(IFRAME)).toEqual({
      display: 'inline-block',
      overflow: 'hidden',
      margin: '0px 0px 0px 0px',
      'vertical-align': 'baseline',
      float: 'none',
      width: '564px',
      'max-width': '100%',
      height: '319px',
    });
  });

  it('keeps a responsive block with an aspect ratio responsive', () => {
    const style = placeholderBox({ ...IFRAME, display: 'block', aspectRatio: '16 / 9', width: 640, height: 360, fluid: true, margin: [0, 0, 30, 0] });
    expect(style).toMatchObject({ display: 'block', width: '100%', 'aspect-ratio': '640 / 360', 'min-height': 'auto', margin: '0px 0px 30px 0px' });
    expect(style).not.toHaveProperty('height');
    expect(style).not.toHaveProperty('overflow');
  });

  it('follows its container with the margins a fluid element keeps', () => {
    expect(placeholderBox({ ...IFRAME, display: 'block', fluid: true, margin: [0, 20, 0, 10] }).width).toBe('calc(100% - 30px)');
  });

  it('keeps a map that fills the width at its fixed height', () => {
    expect(placeholderBox({ ...IFRAME, display: 'block', width: 800, height: 450, fluid: true })).toMatchObject({ width: '100%', height: '450px' });
  });

  it('keeps a block centred with auto margins centred', () => {
    expect(placeholderBox({ ...IFRAME, display: 'block', margin: [0, 118, 0, 118] })['margin-inline']).toBe('auto');
    expect(placeholderBox({ ...IFRAME, display: 'block', margin: [0, 118, 0, 0] })).not.toHaveProperty('margin-inline');
  });

  it('fills what an absolutely positioned frame filled (a padding-top ratio wrapper)', () => {
    const style = placeholderBox({ ...IFRAME, display: 'block', position: 'absolute', inset: ['0px', '0px', '0px', '0px'] });
    expect(style).toMatchObject({ display: 'block', position: 'absolute', top: '0px', right: '0px', bottom: '0px', left: '0px' });
    expect(style).not.toHaveProperty('width');
    expect(style).not.toHaveProperty('height');
  });

  it('floats as the element floated', () => {
    expect(placeholderBox({ ...IFRAME, display: 'block', float: 'right' }).float).toBe('right');
  });

  it('takes the ratio of the width and height attributes when the element is not laid out', () => {
    expect(placeholderBox({ ...IFRAME, width: 0, height: 0 })).toEqual({
      display: 'inline-block',
      width: '560px',
      'max-width': '100%',
      'aspect-ratio': '560 / 315',
      'min-height': 'auto',
    });
    expect(placeholderBox({ ...IFRAME, width: 0, height: 0, widthAttribute: '100%', heightAttribute: null })).toEqual({ display: 'inline-block' });
  });

  it('stays hidden where the site hides the element', () => {
    expect(placeholderBox({ ...IFRAME, display: 'none', width: 0, height: 0 }).display).toBe('none');
  });
});
