/**
 * Chromium's switches for the window's tests and the bench's window section (playwright.config.ts, bench/window.ts):
 * one list, so that the bench measures the browser the suite tests.
 */
export const CHROMIUM_ARGS = [
  // Root in a container needs --no-sandbox; the rest keeps Chromium off the (closed) network.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Each tile repainted whole: with partial raster, a repaint of part of a tile (content arriving after
  // the first paint) draws the anti-aliased edge of a rounded card that its rectangle cuts through by
  // another path than a whole tile does, a shade apart, so the screenshots differed by when the page's
  // answers came (settings-*: a 2×30 px strip of the cards' left corners; presets-*: the panes' tops).
  '--disable-partial-raster',
];
