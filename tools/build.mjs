// Builds the folder a practice copies to its web host, dist/, one bundle per
// area of the app (Area in src/domain/site.rs), so that a person downloads
// only the part they open:
// 1. compiles each area's stylesheet from NHS.UK frontend's Sass, keeping
//    only the rules for classes the app uses;
// 2. builds each area with trunk from a copy of index.html naming its bundle
//    and stylesheet, in target/areas/<area>/;
// 3. puts the areas together in dist/: a copy of the area's page for every
//    page in src/domain/site.rs, each with a <base> that reaches the app's
//    files from its folder (so a plain static server answers 200 for a deep
//    link or a reload), and the service worker filled in with each area's
//    files and a build id derived from their contents;
// 4. draws the first screen of each patient page without a form into its
//    HTML (tools/prerender.mjs), so it shows before the app has started;
// 5. writes a compressed copy beside each file a browser downloads (.gz and
//    .br), for hosts that serve them (README, "Compression").
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { constants, brotliCompressSync, gzipSync } from "node:zlib";
import { PurgeCSS } from "purgecss";
import * as sass from "sass";
import { minify } from "terser";
import { lockDownAreaPages, lockDownPlainPages, lockDownServiceWorker } from "./csp.mjs";
import { prerender } from "./prerender.mjs";

const root = new URL("..", import.meta.url).pathname;
const release = !process.argv.includes("--debug");
const site = readFileSync(join(root, "src/domain/site.rs"), "utf8");

// Which area a page is in, from AREA_PATHS in src/domain/site.rs: the first
// entry whose path is the page or a folder above it; anything else is home.
const areaList = site.match(/pub const AREA_PATHS: &\[\(&str, &str\)\] = &\[([^\]]*)\];/);
if (!areaList) throw new Error("build: AREA_PATHS not found in src/domain/site.rs");
export const AREA_PATHS = [...areaList[1].matchAll(/\("([^"]+)", "([^"]+)"\)/g)].map((m) => [m[1], m[2]]);
export const AREAS = ["home", ...new Set(AREA_PATHS.map(([, area]) => area))];

/** The area of a page path, by the rule of Area::of. */
export function areaOf(page) {
  const found = AREA_PATHS.find(([path]) => page === path || page.startsWith(`${path}/`));
  return found ? found[1] : "home";
}

// NHS.UK frontend's styles cover every component and every spacing utility;
// a page reading all of them takes time on a slow phone before it can draw.
// Rules for classes the app never names (in its Rust, page or script) are
// left out: the app's classes are all written whole in its sources.
const CLASS_SOURCES = ["src/**/*.rs", "index.html", "js/*.js"].map((glob) => join(root, glob));

async function stylesheets() {
  mkdirSync(join(root, "style/build"), { recursive: true });
  for (const area of AREAS) {
    const { css } = sass.compile(join(root, `style/${area}.scss`), {
      style: "compressed",
      loadPaths: [join(root, "node_modules")],
      quietDeps: true,
      silenceDeprecations: ["import"],
    });
    const [used] = await new PurgeCSS().purge({
      content: CLASS_SOURCES,
      css: [{ raw: css }],
      keyframes: true,
      fontFace: true,
      defaultExtractor: (text) => text.match(/[A-Za-z0-9_-]+/g) || [],
    });
    writeFileSync(join(root, `style/build/${area}.css`), used.css);
  }
}

// The source page for an area: index.html with the area's bundle and
// stylesheet, and its trunk links reaching the project from target/areas/<area>/.
function areaPage(area) {
  const up = "../../../";
  return readFileSync(join(root, "index.html"), "utf8")
    .replace('data-bin="home"', `data-bin="${area}" href="${up}Cargo.toml"`)
    .replace("style/build/home.css", `style/build/${area}.css`)
    .replace(/(<link data-trunk rel="(?:css|copy-file|copy-dir)" href=")(?!\/)/g, `$1${up}`);
}

function trunkBuild(area) {
  const dir = join(root, "target/areas", area);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), areaPage(area));
  const args = ["build", ...(release ? ["--release"] : []), "--dist", join(dir, "dist"), join(dir, "index.html")];
  const run = spawnSync("trunk", args, { cwd: root, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`build: trunk failed for the ${area} area`);
  return join(dir, "dist");
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path).map((f) => join(name, f)) : [name];
  });
}

function pagePaths() {
  const list = site.match(/pub const PAGE_PATHS: &\[&str\] = &\[([^\]]*)\]/);
  if (!list) throw new Error("build: PAGE_PATHS not found in src/domain/site.rs");
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const ROOT_BASE = '<base href="./">';
// The large icons are fetched by the browser only when someone adds the app to
// their home screen; keeping them out of the cache keeps a first visit small.
const INSTALL_ONLY = /^icons\/icon-(180|512|maskable-512)\.png$/;

// The practice's settings ship only as an example: a live config.json is
// never in the build, so copying a new build over the site cannot replace it.
const CONFIG_EXAMPLE = "config.example.json";

// Pages that work without the app (tools/pages/): 404.html for hosts that
// show one, and retire/, the files that take the app down on every device
// that visited it (a "This service has closed" page at every page's address,
// and a service worker that removes the app's copies).
function writePlainPages(dist, pages) {
  const css = readFileSync(join(root, "tools/pages/plain.css"), "utf8").trim();
  const plain = (name) => readFileSync(join(root, "tools/pages", name), "utf8").replace("__PLAIN_CSS__", css);
  writeFileSync(join(dist, "404.html"), plain("not-found.html"));
  const retire = join(dist, "retire");
  mkdirSync(retire);
  const retired = plain("retired.html");
  writeFileSync(join(retire, "index.html"), retired.replaceAll("__UP__", "./"));
  // Shown at any address, so its folder is not known: it names no practice.
  writeFileSync(join(retire, "404.html"), retired.replaceAll("__UP__", ""));
  for (const page of pages) {
    mkdirSync(join(retire, page), { recursive: true });
    writeFileSync(join(retire, page, "index.html"), retired.replaceAll("__UP__", "../".repeat(page.split("/").length)));
  }
  cpSync(join(root, "tools/pages/retired-sw.js"), join(retire, "sw.js"));
}

async function assemble(built, { compress }) {
  const dist = join(root, "dist");
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // Files in every area's build (config, manifest, icons) are shared; the rest
  // (its bundle, script and stylesheet) are the area's own.
  const lists = Object.fromEntries(AREAS.map((area) => [area, files(built[area]).filter((f) => f !== "index.html")]));
  const shared = lists.home.filter((file) => AREAS.every((area) => lists[area].includes(file)));
  // wasm-bindgen writes every snippet into every area's build, but a snippet
  // only some areas' scripts import (js/sharing.js, the backup area's client
  // of the practice's CouchDB) is theirs alone: the other areas' first
  // visits neither download nor keep it.
  const imports = (area, file) => {
    const named = file.split("/").slice(1).join("/");
    return lists[area].some((f) => /^[^/]+\.js$/.test(f) && readFileSync(join(built[area], f), "utf8").includes(named));
  };
  // trunk's page preloads every snippet, so the pages of the areas that do
  // not import one leave its preload out too (else the browser downloads it
  // anyway, and fails to, offline).
  const notImported = Object.fromEntries(AREAS.map((area) => [area, []]));
  for (const file of shared.filter((f) => /^snippets\/.*\.js$/.test(f))) {
    const users = AREAS.filter((area) => imports(area, file));
    if (users.length === AREAS.length || users.length === 0) continue;
    shared.splice(shared.indexOf(file), 1);
    for (const area of AREAS) {
      if (users.includes(area)) continue;
      lists[area] = lists[area].filter((f) => f !== file);
      notImported[area].push(file);
    }
  }
  const areas = {};
  for (const area of AREAS) {
    cpSync(built[area], dist, { recursive: true, filter: (src) => src !== join(built[area], "index.html") });
    const path = AREA_PATHS.find(([, name]) => name === area)?.[0];
    const page = area === "home" ? "index.html" : `${path}/index.html`;
    areas[area] = { page, files: lists[area].filter((file) => !shared.includes(file)).sort() };
  }

  const templates = Object.fromEntries(
    AREAS.map((area) => {
      // index.html's comments are for developers: every first visit downloads
      // every area's page (about 0.1 KB gzipped each for its comments).
      const html = readFileSync(join(built[area], "index.html"), "utf8").replace(/[ \t]*<!--[\s\S]*?-->\n?/g, "");
      if (!html.includes(ROOT_BASE)) throw new Error(`build: the ${area} page has no ${ROOT_BASE}`);
      let page = html;
      for (const file of notImported[area]) {
        const preload = new RegExp(`<link rel="modulepreload" href="\\./${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`);
        if (!preload.test(page)) throw new Error(`build: the ${area} page does not preload ${file} as expected`);
        page = page.replace(preload, "");
      }
      return [area, page];
    }),
  );
  for (const area of AREAS) {
    const [file, before, after] = await trimStylesheet(dist, areas[area].files, templates[area], shared);
    templates[area] = templates[area].replaceAll(integrity(before), integrity(after));
    if (before !== after && !templates[area].includes(integrity(after))) throw new Error(`build: the ${area} page does not name ${file}'s hash`);
  }
  // trunk minifies neither the app's script (js/store.js) nor wasm-bindgen's
  // script that starts each area's wasm (about 2 KB less gzipped a first
  // visit, half its size uncompressed), so terser does; the pages name each
  // script's hash (integrity), so they name the new one.
  const scripts = [
    ...shared.filter((file) => /^snippets\/.*\.js$/.test(file)).map((file) => [file, AREAS]),
    ...AREAS.flatMap((area) => areas[area].files.filter((file) => /^[^/]+\.js$/.test(file)).map((file) => [file, [area]])),
  ];
  for (const [file, using] of scripts) {
    const original = readFileSync(join(dist, file), "utf8");
    const { code: stripped } = await minify(original, { module: true, compress: true, mangle: true });
    writeFileSync(join(dist, file), stripped);
    for (const area of using) {
      if (!templates[area].includes(integrity(original))) throw new Error(`build: the ${area} page does not name ${file}'s hash`);
      templates[area] = templates[area].replaceAll(integrity(original), integrity(stripped));
    }
  }
  // Each page starts reading the documents from IndexedDB (js/store.js) as
  // its scripts arrive, while its wasm is still downloading and compiling.
  const store = shared.find((file) => /^snippets\/.*\/js\/store\.js$/.test(file));
  if (!store) throw new Error("build: js/store.js is not among the built files");
  for (const area of AREAS) {
    const start = /^import init, \* as bindings from '[^']+';$/m;
    if (!start.test(templates[area])) throw new Error(`build: the ${area} page does not start its wasm as expected`);
    templates[area] = templates[area].replace(start, (line) => `${line}\nimport { open } from './${store}';\nopen();`);
  }
  lockDownAreaPages(dist, templates, areas);
  const pages = pagePaths();
  writeFileSync(join(dist, "index.html"), templates.home);
  for (const page of pages) {
    const depth = page.split("/").length;
    mkdirSync(join(dist, page), { recursive: true });
    writeFileSync(join(dist, page, "index.html"), templates[areaOf(page)].replace(ROOT_BASE, `<base href="${"../".repeat(depth)}">`));
  }

  writePlainPages(dist, pages);
  lockDownPlainPages(dist);
  lockDownServiceWorker(dist);
  // Drawn before the service worker's build id is made from the pages it
  // keeps, which for a drawn part are its undrawn copy (tools/prerender.mjs).
  const drawn = await prerender(dist, areas);

  const cached = shared.filter((file) => file !== "sw.js" && file !== CONFIG_EXAMPLE && !INSTALL_ONLY.test(file)).sort();
  const swPath = join(dist, "sw.js");
  // Every first visit downloads the service worker: without its comments and
  // long names it is about 2 KB less gzipped. Its lists are filled in after,
  // as JSON (tests/support/size.mjs reads them).
  const { code: worker } = await minify(readFileSync(swPath, "utf8"), { compress: true, mangle: true });
  writeFileSync(swPath, worker);
  const hash = createHash("sha256").update(readFileSync(swPath));
  for (const file of [...cached, ...AREAS.flatMap((area) => [areas[area].page, ...areas[area].files])]) {
    hash.update(file).update(readFileSync(join(dist, file)));
  }
  const build = hash.digest("hex").slice(0, 16);
  writeFileSync(
    swPath,
    readFileSync(swPath, "utf8")
      .replace('"__BUILD_ID__"', JSON.stringify(build))
      .replace("__SHARED__", JSON.stringify(cached))
      .replace("__AREAS__", JSON.stringify(areas))
      .replace("__AREA_PATHS__", JSON.stringify(AREA_PATHS)),
  );
  const compressed = compress ? `, ${writeCompressedCopies(dist)} files compressed` : ", no compressed copies (--only)";
  console.log(`build: ${AREAS.length} areas, ${pages.length + 1} pages (${drawn} with their first screen drawn), service worker build ${build}${compressed}`);
}

const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

const WORDS = /[A-Za-z0-9_-]+/g;

/**
 * Cuts an area's stylesheet down to the rules its own pages can use. The
 * stylesheets are first cut against every area's sources (stylesheets()); an
 * area's pages can name only the classes whose names are strings in its own
 * wasm, page or scripts (class names are written whole), so the rest go too:
 * 1.5 to 2.5 KB gzipped a first visit. A wasm's strings lie end to end, so a
 * name is looked for as any part of its bytes. Returns the file, its text
 * before and after.
 */
async function trimStylesheet(dist, files, page, shared) {
  const sheet = files.find((file) => file.endsWith(".css"));
  const wasm = files.find((file) => file.endsWith(".wasm"));
  if (!sheet || !wasm) throw new Error(`build: an area without its own stylesheet or wasm (${files.join(", ")})`);
  const css = readFileSync(join(dist, sheet), "utf8");
  const code = readFileSync(join(dist, wasm)).toString("latin1");
  const scripts = [...files, ...shared]
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(dist, file), "utf8"));
  const text = [page, ...scripts].join("\n");
  const words = [...new Set(css.match(WORDS))].filter((word) => code.includes(word) || text.includes(word));
  const [used] = await new PurgeCSS().purge({
    content: [{ raw: `${words.join(" ")}\n${text}`, extension: "txt" }],
    css: [{ raw: css }],
    keyframes: true,
    fontFace: true,
    defaultExtractor: (content) => content.match(WORDS) || [],
  });
  writeFileSync(join(dist, sheet), used.css);
  return [sheet, css, used.css];
}

// What a host may send compressed: not config files, which the practice
// edits by hand (a stale compressed copy would be sent in place of the edit).
const COMPRESSIBLE = /\.(html|js|css|wasm|svg|webmanifest)$/;

/**
 * Writes `file.gz` (gzip -9) and `file.br` (brotli, best) beside each file a
 * browser downloads, so a host set to serve them (nginx's gzip_static) sends
 * the smallest copy without compressing on every request. Returns how many.
 */
function writeCompressedCopies(dist) {
  const all = files(dist).filter((file) => COMPRESSIBLE.test(file));
  for (const file of all) {
    const bytes = readFileSync(join(dist, file));
    writeFileSync(join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
    const brotli = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
    writeFileSync(join(dist, `${file}.br`), brotliCompressSync(bytes, { params: brotli }));
  }
  return all.length;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  await stylesheets();
  // `--only clinic,plan` rebuilds those areas and reuses the others' last
  // builds in target/areas/: quicker while working on one area, but only
  // right when the others' sources (and js/store.js) have not changed since.
  // It writes no compressed copies (a minute of brotli on a busy machine).
  const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",");
  const reuse = (area) => {
    const dir = join(root, "target/areas", area, "dist");
    if (!statSync(dir, { throwIfNoEntry: false })) throw new Error(`build: the ${area} area has not been built yet`);
    return dir;
  };
  const built = Object.fromEntries(AREAS.map((area) => [area, !only || only.includes(area) ? trunkBuild(area) : reuse(area)]));
  await assemble(built, { compress: !only });
}
