import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkAndReencodeLogo, containsMarkup, LOGO_MESSAGES, MAX_LOGO_BYTES, sniffImageType } from "./logo.server";

/** A real PNG: a dark blue band with a white square, `width` by `height`. */
async function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: "#1d3557" } })
    .composite([
      {
        input: {
          create: { width: Math.ceil(width / 4), height: Math.ceil(height / 4), channels: 4, background: "#ffffff" },
        },
        left: 1,
        top: 1,
      },
    ])
    .png()
    .toBuffer();
}

/** A real JPEG carrying EXIF metadata (a camera model and a comment), which must not survive. */
async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: "#2a9d8f" } })
    .jpeg()
    .withExif({ IFD0: { Model: "Secret Camera 9000", ImageDescription: "internal draft" } })
    .toBuffer();
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny, valid-looking PNG whose header claims `width` by `height` pixels: a decompression bomb. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(1 + width))), // one row of zeros; the rest is missing
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("logo checks", () => {
  it("re-encodes a good PNG as PNG, scaled to fit 600 by 240 and never enlarged", async () => {
    const big = await checkAndReencodeLogo(await pngOf(1200, 300));
    expect(big).toMatchObject({ ok: true, width: 600, height: 150 });
    if (!big.ok) return;
    expect(sniffImageType(big.png)).toBe("png");
    expect(await sharp(big.png).metadata()).toMatchObject({ format: "png", width: 600, height: 150 });

    const small = await checkAndReencodeLogo(await pngOf(120, 40));
    expect(small).toMatchObject({ ok: true, width: 120, height: 40 });
  });

  it("re-encodes a good JPEG as PNG with its metadata gone", async () => {
    const jpeg = await jpegWithExif();
    expect(jpeg.toString("latin1")).toContain("Secret Camera 9000");
    const result = await checkAndReencodeLogo(jpeg);
    expect(result).toMatchObject({ ok: true, width: 320, height: 200 });
    if (!result.ok) return;
    expect(sniffImageType(result.png)).toBe("png");
    expect(result.png.toString("latin1")).not.toContain("Secret Camera");
    const metadata = await sharp(result.png).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
  });

  it("refuses a text file, whatever its name", async () => {
    const text = Buffer.from("logo.png\nThis is not an image at all.\n");
    expect(await checkAndReencodeLogo(text)).toEqual({ ok: false, message: LOGO_MESSAGES.notImage });
  });

  it("refuses an SVG, which can hold scripts", async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect(await checkAndReencodeLogo(svg)).toEqual({ ok: false, message: LOGO_MESSAGES.notImage });
  });

  it("refuses a PNG with a script appended (a polyglot), in any case", async () => {
    const png = await pngOf(200, 80);
    for (const tail of [
      "<script>alert(document.cookie)</script>",
      "<SCRIPT SRC=x>",
      "<a href='JavaScript:alert(1)'>",
      "<?XML?><SVG>",
    ]) {
      const polyglot = Buffer.concat([png, Buffer.from(tail)]);
      expect(await checkAndReencodeLogo(polyglot)).toEqual({ ok: false, message: LOGO_MESSAGES.containsCode });
    }
    // Markup hidden inside a PNG text chunk, before the image data, too.
    const withText = await sharp(png)
      .png()
      .withMetadata()
      .withExif({ IFD0: { ImageDescription: "<html><body>" } })
      .toBuffer();
    expect(containsMarkup(withText)).toBe(true);
    expect(await checkAndReencodeLogo(withText)).toEqual({ ok: false, message: LOGO_MESSAGES.containsCode });
  });

  it("refuses a file over 1 MB", async () => {
    // A real PNG of random noise, which does not compress: well over 1 MB.
    const noise = Buffer.alloc(800 * 600 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 800, height: 600, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(MAX_LOGO_BYTES);
    expect(await checkAndReencodeLogo(png)).toEqual({ ok: false, message: "The logo must be 1 MB or smaller" });
  });

  it("refuses a small file that claims a huge image (a decompression bomb)", async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const result = await checkAndReencodeLogo(bomb);
    expect(result).toEqual({ ok: false, message: LOGO_MESSAGES.tooManyPixels(50_000, 50_000) });
    expect(!result.ok && result.message).toContain("50,000 by 50,000 pixels");
  });

  it("refuses a truncated PNG and an empty file", async () => {
    const png = await pngOf(400, 160);
    const truncated = png.subarray(0, Math.floor(png.byteLength / 2));
    expect(await checkAndReencodeLogo(truncated)).toEqual({ ok: false, message: LOGO_MESSAGES.unreadable });
    expect(await checkAndReencodeLogo(Buffer.alloc(0))).toEqual({ ok: false, message: LOGO_MESSAGES.empty });
  });
});
