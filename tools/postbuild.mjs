// Runs after trunk's build (see Trunk.toml), in its staging folder:
// 1. writes a copy of index.html for every page in src/domain/site.rs, each
//    with a <base> that reaches the app's files from its folder, so a plain
//    static server answers 200 for a deep link or a reload;
// 2. fills in the service worker with the build's hashed files and an id
//    derived from their contents.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("postbuild: TRUNK_STAGING_DIR is not set; run this through trunk");

const ROOT_BASE = '<base href="./">';
const index = readFileSync(join(staging, "index.html"), "utf8");
if (!index.includes(ROOT_BASE)) throw new Error(`postbuild: index.html has no ${ROOT_BASE}`);

const site = readFileSync(new URL("../src/domain/site.rs", import.meta.url), "utf8");
const list = site.match(/pub const PAGE_PATHS: &\[&str\] = &\[([^\]]*)\]/);
if (!list) throw new Error("postbuild: PAGE_PATHS not found in src/domain/site.rs");
const pages = [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);

for (const page of pages) {
  const depth = page.split("/").length;
  mkdirSync(join(staging, page), { recursive: true });
  writeFileSync(join(staging, page, "index.html"), index.replace(ROOT_BASE, `<base href="${"../".repeat(depth)}">`));
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(staging, path)];
  });
}
const pageCopies = new Set(pages.map((page) => `${page}/index.html`));
// The large icons are fetched by the browser only when someone adds the app to
// their home screen; keeping them out of the cache keeps a first visit small.
const installOnly = /^icons\/icon-(180|512|maskable-512)\.png$/;
const precache = files(staging)
  .map((file) => file.split("\\").join("/"))
  .filter((file) => file !== "sw.js" && !pageCopies.has(file) && !installOnly.test(file))
  .sort();

const hash = createHash("sha256");
for (const file of precache) hash.update(file).update(readFileSync(join(staging, file)));
const build = hash.digest("hex").slice(0, 16);

const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace('"__BUILD_ID__"', JSON.stringify(build))
  .replace("__PRECACHE__", JSON.stringify(precache));
writeFileSync(swPath, sw);
console.log(`postbuild: ${pages.length} page copies, service worker build ${build} caching ${precache.length} files`);
