/**
 * The placeholder takes the blocked element's box, so that nothing on the
 * page moves when it appears, nor when the element comes back in its place.
 * Browsers give an `<iframe>` no aspect ratio from its width and height
 * attributes (only images and video get one), and sites size embeds every
 * which way (attributes, `width: 100%` with `aspect-ratio`, a padding-top
 * wrapper with the frame absolutely positioned), so the box is measured as
 * laid out, once, and then kept responsive the way the element was.
 */

/** What the placeholder needs to know of the element's box, as the page laid it out. */
export interface MeasuredBox {
  /** The border box, in CSS pixels; both 0 when the element is not laid out (inside a hidden tab, say). */
  readonly width: number;
  readonly height: number;
  /** Computed `display`, `position`, `float`, `vertical-align` and `aspect-ratio`. */
  readonly display: string;
  readonly position: string;
  readonly float: string;
  readonly verticalAlign: string;
  readonly aspectRatio: string;
  /** Used margins and insets (top, right, bottom, left) in pixels. */
  readonly margin: readonly number[];
  readonly inset: readonly string[];
  /** The margin box fills its container's content box: it follows the container's width. */
  readonly fluid: boolean;
  /** The `width` and `height` attributes, for an element that is not laid out. */
  readonly widthAttribute: string | null;
  readonly heightAttribute: string | null;
}

const SIDES = ['top', 'right', 'bottom', 'left'];

/** Reads `element`'s box from the page: one layout, for every placeholder drawn in the same batch. */
export function measureBox(element: Element): MeasuredBox {
  const style = getComputedStyle(element);
  const { width, height } = element.getBoundingClientRect();
  const margin = SIDES.map((side) => parseFloat(style.getPropertyValue(`margin-${side}`)) || 0);
  const parent = element.parentElement;
  let fluid = false;
  if (parent) {
    const container = getComputedStyle(parent);
    const content = parent.clientWidth - parseFloat(container.paddingLeft) - parseFloat(container.paddingRight);
    fluid = Math.abs(width + margin[1]! + margin[3]! - content) < 1;
  }
  return {
    width,
    height,
    display: style.display,
    position: style.position,
    float: style.cssFloat,
    verticalAlign: style.verticalAlign,
    aspectRatio: style.aspectRatio || 'auto',
    margin,
    inset: SIDES.map((side) => style.getPropertyValue(side)),
    fluid,
    widthAttribute: element.getAttribute('width'),
    heightAttribute: element.getAttribute('height'),
  };
}

/**
 * The CSS properties (for `style.setProperty`) that give a placeholder the
 * measured box. The placeholder's own stylesheet rules centre its content in
 * that box and let it grow (`min-height: min-content`) rather than cut its
 * text off in a box too small for it.
 *
 * - The same outer display: an inline element stays on its line, as an
 *   inline-block whose `overflow: hidden` puts its baseline at its bottom
 *   edge, where a frame's is (otherwise the line would change height). The
 *   same margins, float and vertical alignment.
 * - Positioned absolutely, the same insets: a frame filling a padding-top
 *   ratio wrapper keeps filling it.
 * - In the flow, the same width (the container's, for an element that fills
 *   it; never wider than the container) and height; a block that keeps an
 *   aspect ratio keeps it, so it follows its container's width.
 *
 * An element that is not laid out keeps the ratio of its width and height
 * attributes, else the placeholder's own size.
 */
export function placeholderBox(box: MeasuredBox): Record<string, string> {
  const inline = /^inline/.test(box.display);
  const style: Record<string, string> = { display: box.display == 'none' ? 'none' : inline ? 'inline-block' : 'block' };
  if (!box.width && !box.height) {
    const width = Number(box.widthAttribute);
    const height = Number(box.heightAttribute);
    if (width > 0 && height > 0)
      Object.assign(style, { width: `${width}px`, 'max-width': '100%', 'aspect-ratio': `${width} / ${height}`, 'min-height': 'auto' });
    return style;
  }
  const [top, right, bottom, left] = box.margin as [number, number, number, number];
  style.margin = `${top}px ${right}px ${bottom}px ${left}px`;
  style['vertical-align'] = box.verticalAlign;
  if (/^(absolute|fixed)$/.test(box.position)) {
    style.position = box.position;
    SIDES.forEach((side, i) => (style[side] = box.inset[i]!));
    return style;
  }
  if (inline) style.overflow = 'hidden';
  style.float = box.float;
  style.width = box.fluid ? (left + right ? `calc(100% - ${left + right}px)` : '100%') : `${box.width}px`;
  style['max-width'] = '100%';
  // A block centred with auto margins stays centred when its container changes width.
  if (!inline && !box.fluid && left > 0 && left == right) style['margin-inline'] = 'auto';
  // With its automatic minimum height, a box with an aspect ratio grows to fit its content.
  if (box.aspectRatio != 'auto' && !inline) Object.assign(style, { 'aspect-ratio': `${box.width} / ${box.height}`, 'min-height': 'auto' });
  else style.height = `${box.height}px`;
  return style;
}
