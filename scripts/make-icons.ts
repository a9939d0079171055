// Draws the app's icons (public/icons/: SVG, 192 and 512 px PNG, a maskable 512 px PNG) from one small geometry.
// The picture is the task space: the circle of goals, the training goal on it, and a goal the symmetry carries it to.
// Usage: npx tsx scripts/make-icons.ts   (no dependencies: the PNGs are rasterised and deflated here)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x2f, 0x6f, 0xde]; // --accent in app.css, also the manifest's theme colour
const RING: Rgb = [0xff, 0xff, 0xff];
const CARRIED: Rgb = [0x9f, 0xe3, 0xe4];

/** The picture on a 512 × 512 canvas; `zoom` < 1 shrinks it into a maskable icon's safe zone. */
interface Shape {
  kind: 'disk' | 'ring';
  cx: number;
  cy: number;
  r: number;
  width?: number;
  colour: Rgb;
}

function shapes(zoom: number): Shape[] {
  const c = 256;
  const r = 150 * zoom;
  const at = (deg: number) => ({
    cx: c + r * Math.cos((deg * Math.PI) / 180),
    cy: c - r * Math.sin((deg * Math.PI) / 180),
  });
  return [
    { kind: 'ring', cx: c, cy: c, r, width: 26 * zoom, colour: RING },
    { kind: 'disk', ...at(-30), r: 34 * zoom, colour: CARRIED },
    { kind: 'disk', ...at(90), r: 46 * zoom, colour: RING },
  ];
}

const CORNER = 96; // rounded corners of the plain icon; a maskable icon is a full square (the platform crops it)

function insideShape(s: Shape, x: number, y: number): boolean {
  const d = Math.hypot(x - s.cx, y - s.cy);
  return s.kind === 'disk' ? d <= s.r : Math.abs(d - s.r) <= (s.width ?? 0) / 2;
}

function insideBackground(x: number, y: number, rounded: boolean): boolean {
  if (!rounded) return x >= 0 && x <= 512 && y >= 0 && y <= 512;
  const qx = Math.max(CORNER - x, 0, x - (512 - CORNER));
  const qy = Math.max(CORNER - y, 0, y - (512 - CORNER));
  return Math.hypot(qx, qy) <= CORNER;
}

/** RGBA pixels at `size` px, 4 × 4 samples per pixel for smooth edges. */
function rasterise(size: number, maskable: boolean): Uint8Array {
  const layers = shapes(maskable ? 0.8 : 1);
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) * 512) / size;
          const y = ((py + (sy + 0.5) / n) * 512) / size;
          if (!insideBackground(x, y, !maskable)) continue;
          let colour = BACKGROUND;
          for (const s of layers) if (insideShape(s, x, y)) colour = s.colour;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const o = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) pixels[o + k] = covered ? Math.round(sum[k] / covered) : 0;
      pixels[o + 3] = Math.round(sum[3] / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A PNG file: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function svg(): string {
  const body = shapes(1)
    .map((s) =>
      s.kind === 'ring'
        ? `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="none" stroke="${hex(s.colour)}" stroke-width="${s.width}"/>`
        : `<circle cx="${s.cx.toFixed(1)}" cy="${s.cy.toFixed(1)}" r="${s.r}" fill="${hex(s.colour)}"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${CORNER}" fill="${hex(BACKGROUND)}"/>${body}</svg>\n`;
}

function main(): void {
  const dir = join('public', 'icons');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'icon.svg'), svg());
  for (const size of [192, 512])
    writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, rasterise(size, false)));
  writeFileSync(join(dir, 'icon-maskable-512.png'), encodePng(512, rasterise(512, true)));
  console.log(`icons written to ${dir}`);
}

main();
