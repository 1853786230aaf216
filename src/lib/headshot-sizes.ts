/**
 * The headshot sizes organisers ask for: square and landscape, for the web and for print. Each is cut
 * from the author's one headshot (never enlarged) by the build, and the speaking page states each one's
 * pixels, and for print its size at 300 dpi, so an organiser picks without downloading all four.
 */

export type HeadshotSizeId = 'square-web' | 'square-print' | 'landscape-web' | 'landscape-print';

export interface HeadshotSize {
  id: HeadshotSizeId;
  /** `Square, for the web`. */
  label: string;
  width: number;
  height: number;
  print: boolean;
}

/**
 * The sizes aimed for. Web: what programme sites and social posts display, sharp on a high-density
 * screen. Print: 300 dpi across an A5 flyer's width (square) or a poster's (landscape, 3:2).
 */
const TARGETS: readonly HeadshotSize[] = [
  { id: 'square-web', label: 'Square, for the web', width: 800, height: 800, print: false },
  { id: 'square-print', label: 'Square, for print', width: 2400, height: 2400, print: true },
  { id: 'landscape-web', label: 'Landscape, for the web', width: 1200, height: 800, print: false },
  { id: 'landscape-print', label: 'Landscape, for print', width: 3000, height: 2000, print: true },
];

/** Dots per inch a print size is stated at. */
export const PRINT_DPI = 300;

/**
 * The sizes a headshot of `source` pixels offers: each target, scaled down (keeping its shape) until it
 * fits inside the source, as a centred crop would. A print size no larger than the original's crop is
 * still offered: it is the largest there is.
 */
export function headshotSizes(source: { width: number; height: number }): HeadshotSize[] {
  return TARGETS.map((target) => {
    const scale = Math.min(1, source.width / target.width, source.height / target.height);
    return { ...target, width: Math.round(target.width * scale), height: Math.round(target.height * scale) };
  });
}

/** `13.5 × 13.5 cm at 300 dpi`: how large the pixels print at `PRINT_DPI`. */
export function printDimensions(size: { width: number; height: number }): string {
  const cm = (pixels: number): string => ((pixels / PRINT_DPI) * 2.54).toFixed(1).replace(/\.0$/, '');
  return `${cm(size.width)} × ${cm(size.height)} cm at ${PRINT_DPI} dpi`;
}

/** `800 × 800 px`, and for print sizes `1600 × 1600 px, 13.5 × 13.5 cm at 300 dpi`. */
export function describeHeadshotSize(size: HeadshotSize): string {
  const pixels = `${size.width} × ${size.height} px`;
  return size.print ? `${pixels}, ${printDimensions(size)}` : pixels;
}
