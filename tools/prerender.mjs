// The first screen of each patient page without a form, written into its
// HTML at build time (issue 23): a phone on a slow network shows the page's
// text as soon as the HTML and its stylesheet arrive, rather than a blank
// page until the app has downloaded, compiled and run.
//
// Each page is drawn by the app itself (the same components), in headless
// Chromium, exactly as a first visitor's phone first draws it: no service
// worker, nothing stored, and config.json not yet read (so the neutral
// wording the app shows until it is). The body it draws goes into the page's
// HTML as `<body data-prerendered>`; the app clears it and draws the same
// page in the same task when it starts (src/ui/app.rs), so nothing moves.
// The service worker serves every page of a part from one copy, kept when it
// installs; for a part whose page is drawn, that copy is the page as it was
// before drawing (`loading.html` beside it): a page is never shown with
// another page's text, and a first visit to any part does not download the
// other parts' drawn pages.
//
// Only pages without a field are drawn: what a person typed into a drawn
// page before the app started would be lost when the app draws it again.
import { chromium } from "@playwright/test";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { serveStatic } from "./static_server.mjs";

/** The pages drawn at build time: home, privacy, accessibility, self-referral's start and the plan's task list. */
export const PRERENDERED = ["", "privacy", "accessibility", "refer", "plan"];

/** The undrawn copy of a drawn part's page, in the page's folder. */
export const UNDRAWN = "loading.html";

// A sub-path no real page uses, so that links drawn with it can be made
// relative to the page's <base> (the practice's path is not known here).
const AT = "/sp-first-screen/";

/** `html` with the body the app drew in place of the page's own body. */
export function withFirstScreen(html, body) {
  const start = html.indexOf("<body>");
  const end = html.lastIndexOf("</body>");
  if (start < 0 || end < start) throw new Error("prerender: a page without <body>…</body>");
  return `${html.slice(0, start)}<body data-prerendered>${body}${html.slice(end)}`;
}

/** The body drawn at `AT`, with its links relative to the page's <base>. */
function relative(body) {
  return body.replaceAll(`"${AT}"`, '"./"').replaceAll(AT, "");
}

/**
 * Copies each part's page that is about to be drawn to `loading.html` beside
 * it, and points the part's `page` (what the service worker keeps and answers
 * every page of the part from) at that copy.
 */
function keepUndrawnCopies(dist, areas) {
  for (const area of Object.values(areas)) {
    const folder = dirname(area.page);
    if (!PRERENDERED.includes(folder === "." ? "" : folder)) continue;
    const copy = join(folder, UNDRAWN);
    copyFileSync(join(dist, area.page), join(dist, copy));
    area.page = copy;
  }
}

/**
 * Draws each page of PRERENDERED into its HTML in `dist`, after keeping an
 * undrawn copy of each part's page that is drawn (`areas`, the service
 * worker's list of each part's page and files, is changed to name it).
 */
export async function prerender(dist, areas) {
  keepUndrawnCopies(dist, areas);
  const server = await serveStatic(dist, { at: AT });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const page of PRERENDERED) {
      const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 390, height: 844 } });
      try {
        // The practice's settings are never answered: the page is drawn as it
        // is before they arrive, which is how every visitor first sees it.
        await context.route("**/config.json", () => new Promise(() => {}));
        const tab = await context.newPage();
        const errors = [];
        tab.on("pageerror", (error) => errors.push(error.message));
        const { port } = server.address();
        await tab.goto(`http://127.0.0.1:${port}${AT}${page ? `${page}/` : ""}`, { waitUntil: "commit" });
        await tab.waitForFunction(() => performance.getEntriesByName("sp-app-ready").length > 0, null, { timeout: 60_000 });
        await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        if (errors.length) throw new Error(`prerender: ${page || "home"}: ${errors.join("; ")}`);
        const body = relative(await tab.evaluate(() => document.body.innerHTML));
        if (body.includes("http://127.0.0.1")) throw new Error(`prerender: ${page || "home"} names the build's own server`);
        const file = join(dist, page, "index.html");
        writeFileSync(file, withFirstScreen(readFileSync(file, "utf8"), body));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return PRERENDERED.length;
}
