/**
 * Checks an uploaded logo and re-encodes it: only the re-encoded PNG is ever stored or drawn.
 *
 * 1. Size: at most 1 MB (the upload handler stops reading past that, see `logo-upload.server.ts`).
 * 2. Content, not name or declared type: the first bytes must be PNG's or JPEG's signature.
 * 3. No markup anywhere in the bytes (`<script`, `<svg`, `<html`, `<?xml`, `javascript:`, in
 *    any case): a "polyglot" file that is an image and a web page at once is refused, even
 *    though re-encoding would drop the extra bytes, so the person knows what they sent.
 * 4. Dimensions read from the header before decoding: a side over 5,000 pixels is refused (a
 *    small file can claim a huge image, a decompression bomb); sharp's own pixel limit backs it.
 * 5. Decoded (truncated or corrupt files fail here) and re-encoded as PNG with sharp (libvips),
 *    turned upright by its EXIF orientation, converted to sRGB, scaled to fit 600 by 240 pixels
 *    without enlarging, and with no metadata (sharp drops EXIF, XMP and ICC unless asked).
 */
import sharp from "sharp";

export const MAX_LOGO_BYTES = 1024 * 1024;
export const MAX_LOGO_SIDE = 5_000;
export const MAX_LOGO_PIXELS = MAX_LOGO_SIDE * MAX_LOGO_SIDE;
export const LOGO_BOX = { width: 600, height: 240 } as const;

export const LOGO_MESSAGES = {
  missing: "Choose a logo file to upload",
  empty: "The selected file is empty. Choose a PNG or JPEG image",
  tooLarge: "The logo must be 1 MB or smaller",
  notImage:
    "The logo must be a PNG or JPEG image. This file is not one, whatever its name says. Save it as PNG or JPEG and try again",
  containsCode:
    "The logo contains code, such as a script or web page markup, so it cannot be used. Open it in an image editor, save it again as PNG or JPEG, and upload that",
  unreadable:
    "The logo could not be read: the file may be damaged or only partly saved. Save it again as PNG or JPEG and upload that",
  tooManyPixels: (width: number, height: number) =>
    `The logo is ${width.toLocaleString("en-GB")} by ${height.toLocaleString("en-GB")} pixels, which is too big to use. Make it smaller (at most ${MAX_LOGO_SIDE.toLocaleString("en-GB")} pixels on each side) and try again`,
} as const;

export type LogoCheck = { ok: true; png: Buffer; width: number; height: number } | { ok: false; message: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** Markup that has no place in an image file. Matched on the bytes read as Latin-1, lower-cased. */
const MARKUP = ["<script", "<svg", "<html", "<?xml", "javascript:"] as const;

/** "png", "jpeg" or null, from the file's first bytes. */
export function sniffImageType(bytes: Uint8Array): "png" | "jpeg" | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return "png";
  if (buffer.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return "jpeg";
  return null;
}

/** True when the bytes hold any of the markup patterns, in any case. */
export function containsMarkup(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1").toLowerCase();
  return MARKUP.some((pattern) => text.includes(pattern));
}

/** Checks the uploaded bytes and returns the logo re-encoded, or a message saying why not. */
export async function checkAndReencodeLogo(bytes: Uint8Array): Promise<LogoCheck> {
  if (bytes.byteLength === 0) return { ok: false, message: LOGO_MESSAGES.empty };
  if (bytes.byteLength > MAX_LOGO_BYTES) return { ok: false, message: LOGO_MESSAGES.tooLarge };
  if (!sniffImageType(bytes)) {
    // Markup without an image signature (an SVG, a web page) is still "not an image".
    return { ok: false, message: LOGO_MESSAGES.notImage };
  }
  if (containsMarkup(bytes)) return { ok: false, message: LOGO_MESSAGES.containsCode };

  const options = { limitInputPixels: MAX_LOGO_PIXELS, failOn: "truncated" as const, sequentialRead: true };
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Only the header is read here, so the pixel limit can wait: the size gets its own message.
    const metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    if (metadata.format !== "png" && metadata.format !== "jpeg") return { ok: false, message: LOGO_MESSAGES.notImage };
    width = metadata.width;
    height = metadata.height;
  } catch {
    return { ok: false, message: LOGO_MESSAGES.unreadable };
  }
  if (!width || !height) return { ok: false, message: LOGO_MESSAGES.unreadable };
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE || width * height > MAX_LOGO_PIXELS) {
    return { ok: false, message: LOGO_MESSAGES.tooManyPixels(width, height) };
  }
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .toColourspace("srgb")
      .resize({ width: LOGO_BOX.width, height: LOGO_BOX.height, fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, png: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, message: LOGO_MESSAGES.unreadable };
  }
}
