// Reading a QR code from the screen, as a phone's camera would.
import { expect } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

/**
 * The QR code drawn by `qr` (an <svg>), read from a screenshot; fails the
 * test if it cannot be read within 10 seconds. A phone's camera sees the code
 * with more pixels a module than a 390-pixel screen has, so it is read drawn
 * at `width`: by default 6 pixels a module, a whole number, which jsQR needs
 * for a dense code. A busy machine may draw it a moment late, so it is tried
 * again.
 */
export async function readQr(qr, width) {
  const side = Number((await qr.getAttribute("viewBox")).split(" ")[2]);
  const drawn = width ?? `${side * 6}px`;
  let code = null;
  await expect
    .poll(
      async () => {
        await qr.evaluate((svg, w) => (svg.style.maxWidth = svg.style.width = w), drawn);
        const png = PNG.sync.read(await qr.screenshot());
        await qr.evaluate((svg) => (svg.style.maxWidth = svg.style.width = ""));
        code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        return code !== null;
      },
      { message: "the QR code can be read", timeout: 10_000 },
    )
    .toBe(true);
  return code;
}
