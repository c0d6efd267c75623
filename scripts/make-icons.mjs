// Draws the app's icons into build/ as PNGs, so they are reproducible from this file alone:
//   build/tray/trayTemplate.png, trayTemplate@2x.png  macOS template images (black + alpha; the OS tints them)
//   build/tray/tray.png, tray@2x.png                   colour tray icon for Windows and Linux
//   build/icon.png                                      512 px application icon for electron-builder
// Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'build');

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distance to a rounded rectangle centred at (cx, cy), in a unit square.
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const dx = Math.abs(x - cx) - halfW + radius;
  const dy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

// The glyph: a video camera (body + lens wedge), the universal "meeting" sign.
function cameraCoverage(x, y) {
  const body = roundedRect(x, y, 0.42, 0.5, 0.3, 0.22, 0.07) <= 0;
  const wedge = x >= 0.7 && x <= 0.92 && Math.abs(y - 0.5) <= 0.06 + (x - 0.7) * 0.7;
  return body || wedge;
}

function render(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4; // 4x4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, rgba);
}

// State badges in the lower right: busy is a ring (something is under way), error a solid dot.
const badge = (x, y) => Math.hypot(x - 0.8, y - 0.8);
const busyRing = (x, y) => badge(x, y) <= 0.2 && badge(x, y) >= 0.11;
const errorDot = (x, y) => badge(x, y) <= 0.2;
const cutout = (x, y) => badge(x, y) <= 0.27; // keeps the badge apart from the camera

const template = (x, y) => (cameraCoverage(x, y) ? [0, 0, 0, 1] : [0, 0, 0, 0]);
const templateWith = (mark) => (x, y) => (mark(x, y) ? [0, 0, 0, 1] : cutout(x, y) ? [0, 0, 0, 0] : template(x, y));
const colour = (x, y) => {
  if (roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.18) > 0) return [0, 0, 0, 0];
  const inset = 0.5 + (x - 0.5) / 0.72;
  const insetY = 0.5 + (y - 0.5) / 0.72;
  return cameraCoverage(inset, insetY) ? [255, 255, 255, 1] : [24, 119, 242, 1];
};

const colourWith = (mark, rgb) => (x, y) => (mark(x, y) ? [...rgb, 1] : cutout(x, y) ? [0, 0, 0, 0] : colour(x, y));

mkdirSync(join(root, 'tray'), { recursive: true });
const variants = [
  ['', template, colour],
  ['Busy', templateWith(busyRing), colourWith(busyRing, [245, 166, 35])],
  ['Error', templateWith(errorDot), colourWith(errorDot, [217, 48, 37])],
];
for (const [name, mono, tinted] of variants) {
  writeFileSync(join(root, 'tray', `tray${name}Template.png`), render(16, mono));
  writeFileSync(join(root, 'tray', `tray${name}Template@2x.png`), render(32, mono));
  writeFileSync(join(root, 'tray', `tray${name}.png`), render(32, tinted));
  writeFileSync(join(root, 'tray', `tray${name}@2x.png`), render(64, tinted));
}
writeFileSync(join(root, 'icon.png'), render(512, colour));
console.log('icons written to', root);
