/**
 * Blends a straight-alpha RGBA layer onto an RGB image in place. sharp's composite does the same but
 * costs about 10 ms of CPU per card (colour-space round trips on the whole canvas); this touches only
 * the layer's pixels and skips transparent ones, which are most of them.
 */
export function blendOnto(
  target: Buffer,
  targetWidth: number,
  layer: Buffer,
  placement: { width: number; height: number; left: number; top: number },
): void {
  const { width, height, left, top } = placement;
  for (let y = 0; y < height; y++) {
    let source = y * width * 4;
    let destination = ((top + y) * targetWidth + left) * 3;
    for (let x = 0; x < width; x++, source += 4, destination += 3) {
      const alpha = layer[source + 3]!;
      if (alpha === 0) continue;
      if (alpha === 255) {
        target[destination] = layer[source]!;
        target[destination + 1] = layer[source + 1]!;
        target[destination + 2] = layer[source + 2]!;
        continue;
      }
      const keep = 255 - alpha;
      target[destination] = (layer[source]! * alpha + target[destination]! * keep + 127) / 255;
      target[destination + 1] = (layer[source + 1]! * alpha + target[destination + 1]! * keep + 127) / 255;
      target[destination + 2] = (layer[source + 2]! * alpha + target[destination + 2]! * keep + 127) / 255;
    }
  }
}
