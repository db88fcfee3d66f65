// Every page the build writes carries a Content-Security-Policy, and the
// browser keeps to it: a script put into the page (as a name typed as markup
// would be, if the app ever wrote text as markup) is refused and reported.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openPage, closeAll } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";

const dist = new URL("../dist/", import.meta.url).pathname;
const pages = readdirSync(dist, { recursive: true }).filter((file) => file.endsWith(".html"));
const policyOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];

test("every page in the built folder has a policy, before any script or style, and no script of its own but by hash", () => {
  expect(pages.length).toBeGreaterThan(70);
  for (const file of pages) {
    const html = readFileSync(join(dist, file), "utf8");
    const policy = policyOf(html);
    expect(policy, `${file} has a policy`).toBeTruthy();
    expect(html.indexOf("Content-Security-Policy"), `${file}: the policy comes first`).toBeLessThan(
      Math.min(...["<script", "<style", "<link"].map((tag) => html.indexOf(tag)).filter((at) => at >= 0)),
    );
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).not.toContain("unsafe-inline");
    // Images: the app's own files, and (in the app's pages) the blob: addresses
    // it makes for the volunteers' photos; never data: or another site.
    expect(policy, file).toMatch(/img-src 'self'( blob:)?;/);
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)];
    if (/^(404\.html|retire\/)/.test(file)) {
      // The pages that work without the app allow their own script by its hash.
      expect(policy, file).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
    } else {
      expect(inline, `${file} has no inline script`).toEqual([]);
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(policy).toContain("frame-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  }
});

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

test("a script, an image's onerror, a data: image and a javascript: link put into a page are refused and reported", async ({ context, watch }) => {
  const page = await openPage(context, watch, served.origin);
  // The browser says so in the console: that is expected here, and only here.
  watch.allowedConsoleErrors.push(/Content Security Policy/, /Failed to load resource.*no-such-picture\.png/);
  await page.goto(served.url + "refer/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for support from a link worker");

  const seen = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true;";
    document.body.append(script);
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="no-such-picture.png" onerror="window.injectedHandlerRan = true">' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
    document.body.append(holder);
    const link = document.createElement("a");
    link.href = "javascript:window.injectedLinkRan = true";
    document.body.append(link);
    link.click();
    // Violations are reported as events a moment later.
    for (let wait = 0; wait < 50 && violations.length < 4; wait++) await new Promise((r) => setTimeout(r, 100));
    return {
      violations: violations.sort(),
      ran: [window.injectedScriptRan, window.injectedHandlerRan, window.injectedLinkRan],
    };
  });
  expect(seen.ran).toEqual([undefined, undefined, undefined]);
  expect(seen.violations).toEqual(["img-src", "script-src-attr", "script-src-elem", "script-src-elem"]);
  // (Another site's address is refused the same way, by img-src and connect-src 'self'.)
  // The app itself still works under its policy: its page is drawn and it answers a tap.
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Ask for support from a link worker");
  await closeAll(context);
});
