// Where a wasm's bytes go: `node tools/wasm_sizes.mjs FILE.wasm [--top=30] [--depth=2]` lists its biggest functions and their code grouped by crate and module, read from the wasm's name section (docs/performance.md).
//
// The shipped wasm has no names. Build one with names kept: wasm-bindgen's
// output (target/wasm-bindgen/release/AREA_bg.wasm, before wasm-opt) has
// them, and `wasm-opt -Oz -g` on it keeps them through the same optimisation
// the build does, so its figures are close to what a phone downloads. A
// function's size is its body in the code section; the data section (text,
// tables) is listed as one line. Sizes are raw bytes, not gzip.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: node tools/wasm_sizes.mjs FILE.wasm [--top=30] [--depth=2]");
  process.exit(2);
}
const option = (name, fallback) => Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const top = option("top", 30);
const depth = option("depth", 2);

const bytes = readFileSync(file);
let at = 8; // after the magic number and version

function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}
const text = (length) => bytes.toString("utf8", at, (at += length));

let importedFunctions = 0;
let bodies = [];
let dataBytes = 0;
const names = new Map();
const sections = [];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = uleb();
  const end = at + size;
  let label = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"][id] ?? `section ${id}`;
  if (id === 0) {
    const name = text(uleb());
    label = `custom "${name}"`;
    if (name === "name") {
      while (at < end) {
        const kind = bytes[at++];
        const subEnd = uleb() + at;
        if (kind === 1) {
          for (let count = uleb(); count > 0; count--) {
            const index = uleb();
            names.set(index, text(uleb()));
          }
        }
        at = subEnd;
      }
    }
  } else if (id === 2) {
    for (let count = uleb(); count > 0; count--) {
      text(uleb()); // module
      text(uleb()); // field
      const kind = bytes[at++];
      if (kind === 0) {
        importedFunctions++;
        uleb();
      } else if (kind === 1) {
        at++;
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 2) {
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) {
        at += 2;
      } else {
        uleb();
      }
    }
  } else if (id === 10) {
    for (let count = uleb(); count > 0; count--) {
      const length = uleb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    dataBytes = size;
  }
  sections.push([label, size]);
  at = end;
}

const functions = bodies.map((size, i) => ({ name: names.get(importedFunctions + i) ?? `function ${importedFunctions + i}`, size }));
const codeBytes = bodies.reduce((sum, size) => sum + size, 0);

// The crate and module a function belongs to: the path of the type it is
// implemented for (`<leptos::A as core::B>::f` counts as leptos), cut to
// `depth` segments; generic arguments are left out.
// A generic implementation (`<T as serde::Serialize>::f`) counts as the trait's.
function group(name) {
  let path = name.replace(/\[[0-9a-f]+\]/g, "").replace(/^<+/, "").replace(/^&(mut )?/, "").replace(/^dyn /, "");
  const generic = path.match(/^[A-Z]\w* as (.*)$/);
  if (generic) path = generic[1];
  let angle = 0;
  let cut = "";
  for (const ch of path) {
    if (ch === "<") angle++;
    else if (ch === ">") angle--;
    else if (angle === 0) {
      if (ch === " " || ch === "(" || ch === "[") break;
      cut += ch;
    }
  }
  const segments = cut.split("::").filter((s) => s && !/^h[0-9a-f]{16}$/.test(s) && !/^\{\{closure\}\}$/.test(s));
  if (segments.length <= 1) return segments[0] ?? "(unnamed)";
  return segments.slice(0, Math.min(depth, segments.length - 1)).join("::");
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const pct = (n) => ((100 * n) / bytes.length).toFixed(1).padStart(5) + "%";
console.log(`${file}: ${kb(bytes.length).trim()}, ${functions.length} functions (${names.size} named), code ${kb(codeBytes).trim()}, data ${kb(dataBytes).trim()}\n`);
console.log("Sections:");
for (const [label, size] of sections.sort((a, b) => b[1] - a[1])) console.log(`${kb(size)} ${pct(size)}  ${label}`);

const groups = new Map();
for (const { name, size } of functions) {
  const key = group(name);
  const entry = groups.get(key) ?? { size: 0, count: 0 };
  entry.size += size;
  entry.count++;
  groups.set(key, entry);
}
console.log(`\nCode by crate and module (depth ${depth}):`);
for (const [key, { size, count }] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`${kb(size)} ${pct(size)}  ${String(count).padStart(5)} fns  ${key}`);
}
console.log(`\nBiggest functions:`);
for (const { name, size } of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${kb(size)} ${pct(size)}  ${name.length > 150 ? name.slice(0, 147) + "..." : name}`);
}
