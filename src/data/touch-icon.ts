/**
 * The icon a phone shows for the site on its home screen (`/apple-touch-icon.png`, which iOS also asks
 * for when no page names it): the portrait, cropped square at its centre, 180 × 180 px,
 * drawn by sharp once per build.
 */
import sharp from 'sharp';
import { sourceFile } from './cards.ts';
import { getProfile } from './site.ts';

/** The size iOS asks for on current iPhones; it scales it down for older ones and rounds the corners itself. */
export const TOUCH_ICON_SIZE = 180;

let icon: Promise<Buffer> | undefined;

export function touchIconPng(): Promise<Buffer> {
  icon ??= getProfile().then(({ photo }) =>
    sharp(sourceFile(photo.src)).rotate().resize(TOUCH_ICON_SIZE, TOUCH_ICON_SIZE, { fit: 'cover' }).png().toBuffer(),
  );
  return icon;
}
