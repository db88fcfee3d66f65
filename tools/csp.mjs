// The Content-Security-Policy of every page the build writes, as a
// <meta http-equiv> (a static host sends no headers of its own): the page
// runs only the app's own script files, loads and connects only to its own
// origin, and has no frames, plugins or form posts. A script or markup that
// got into the page some other way (a name typed as "<script>") is refused
// by the browser, which reports it (a securitypolicyviolation event).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The app's pages. 'wasm-unsafe-eval' lets the app's own wasm compile (it
 * allows no JavaScript eval). No 'unsafe-inline' anywhere: the app sets no
 * style attributes (Leptos sets styles, if ever, through the DOM, which a
 * policy does not govern). worker-src is named because it falls back to
 * child-src ('none'), which would refuse the service worker. img-src allows
 * blob: for the volunteers' photos (src/ui/photo.rs): they are kept as data:
 * addresses in the clinic and in volunteers.json, and shown from a blob: the
 * page makes from them. A blob: address can only be made by the page's own
 * script, so markup put into a page some other way still cannot show an image
 * of its own choosing (data: stays refused), nor reach another site.
 */
export const APP_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const sha = (algorithm, text) => `${algorithm}-${createHash(algorithm).update(text).digest("base64")}`;
const meta = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const CHARSET = '<meta charset="utf-8">';

function withPolicy(html, policy, what) {
  if (!html.includes(CHARSET)) throw new Error(`csp: ${what} has no ${CHARSET} to put the policy after`);
  // Before anything else in <head>, so that it governs every script and style.
  return html.replace(CHARSET, `${CHARSET}\n  ${meta(policy)}`);
}

/**
 * Moves each area page's inline start script (trunk's, which imports and
 * starts the wasm) into a file of its own beside the area's bundle, names it
 * among the area's files (so the service worker keeps it), and puts the
 * policy in the page. `templates` and `areas` are build.mjs's, changed here.
 */
export function lockDownAreaPages(dist, templates, areas) {
  for (const [area, html] of Object.entries(templates)) {
    const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
    if (inline.length !== 1) throw new Error(`csp: the ${area} page has ${inline.length} inline start scripts, not 1`);
    const [whole, code] = inline[0];
    const file = `${area}-start-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(dist, file), code.trim() + "\n");
    areas[area].files = [...areas[area].files, file].sort();
    const tag = `<script type="module" src="./${file}" integrity="${sha("sha384", code.trim() + "\n")}"></script>`;
    const moved = html.replace(whole, tag);
    if (/<script(?![^>]*\ssrc=)[^>]*>/.test(moved)) throw new Error(`csp: the ${area} page still has an inline script`);
    if (/\sstyle=|<style/.test(moved)) throw new Error(`csp: the ${area} page has an inline style`);
    templates[area] = withPolicy(moved, APP_POLICY, `the ${area} page`);
  }
}

/**
 * The policy of a page that works without the app (404.html, retire/): its
 * own inline script and style are allowed by their hashes, nothing else.
 */
export function plainPolicy(html) {
  const hashes = (tag) =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map(([, body]) => `'${sha("sha256", body)}'`);
  const scripts = hashes("script");
  const styles = hashes("style");
  return [
    "default-src 'none'",
    `script-src ${scripts.join(" ") || "'none'"}`,
    `style-src ${styles.join(" ") || "'none'"}`,
    "img-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Puts its policy in each plain page: 404.html and every page in retire/. */
export function lockDownPlainPages(dist) {
  const pages = ["404.html", ...readdirSync(join(dist, "retire"), { recursive: true }).filter((f) => f.endsWith(".html")).map((f) => join("retire", f))];
  for (const page of pages) {
    const html = readFileSync(join(dist, page), "utf8");
    writeFileSync(join(dist, page), withPolicy(html, plainPolicy(html), page));
  }
}

/**
 * The service worker's own "No internet connection" page is made in the
 * worker, so its policy goes in the response's header there: the page's
 * style by its hash, nothing else (it has no script).
 */
export function lockDownServiceWorker(dist) {
  const path = join(dist, "sw.js");
  const code = readFileSync(path, "utf8");
  const page = code.match(/function notYetOpened\(\) \{[\s\S]*?<style>([\s\S]*?)<\/style>/);
  if (!page || !code.includes("__NOT_OPENED_CSP__")) throw new Error("csp: sw.js's notYetOpened page is not as expected");
  const policy = `default-src 'none'; style-src '${sha("sha256", page[1])}'; base-uri 'none'; form-action 'none'`;
  writeFileSync(path, code.replace('"__NOT_OPENED_CSP__"', JSON.stringify(policy)));
}
