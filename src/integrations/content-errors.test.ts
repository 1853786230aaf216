import { expect, test } from 'vitest';
import { wantsPage } from './content-errors.ts';

test('a browser asking for any page gets the error page', () => {
  expect(wantsPage('GET', '/essays/x/', 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
  expect(wantsPage('HEAD', '/', 'text/html')).toBe(true);
});

test('a client that accepts anything gets it for page paths, so no page renders from broken content', () => {
  expect(wantsPage('GET', '/essays/x/', '*/*')).toBe(true);
  expect(wantsPage('GET', '/404.html', undefined)).toBe(true);
  expect(wantsPage('GET', '/essays/x?ref=1', '*/*')).toBe(true);
});

test('scripts, styles, images, feeds and Vite’s own modules pass through', () => {
  expect(wantsPage('GET', '/@vite/client', '*/*')).toBe(false);
  expect(wantsPage('GET', '/node_modules/.vite/deps/x.js', '*/*')).toBe(false);
  expect(wantsPage('GET', '/src/styles/global.css', 'text/css,*/*;q=0.1')).toBe(false);
  expect(wantsPage('GET', '/cards/essays/x.png', 'image/avif,image/webp,*/*')).toBe(false);
  expect(wantsPage('GET', '/feed.json', '*/*')).toBe(false);
  expect(wantsPage('POST', '/essays/x/', 'text/html')).toBe(false);
});
