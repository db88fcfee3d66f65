// Every setting the app reads from config.json (the fields of PracticeConfig
// in src/domain/config.rs) is in the README's one table of settings, and the
// table names no setting the app does not read. Run by `make test`.
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const config = readFileSync(`${root}src/domain/config.rs`, "utf8");
const readme = readFileSync(`${root}README.md`, "utf8");

const struct = config.match(/pub struct PracticeConfig \{([\s\S]*?)\n\}/);
if (!struct) throw new Error("readme_settings: PracticeConfig not found in src/domain/config.rs");
const read = [...struct[1].matchAll(/^\s*pub (\w+):/gm)].map((m) => m[1]);

const table = readme.match(/\n\| setting \| what it is for \| if it is left out \|\n\| --- \| --- \| --- \|\n((?:\|.*\n)+)/);
if (!table) throw new Error("readme_settings: the README has no table of settings (| setting | what it is for | if it is left out |)");
const documented = [...table[1].matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);

const missing = read.filter((field) => !documented.includes(field));
const unread = documented.filter((field) => !read.includes(field));
const problems = [
  ...missing.map((field) => `the app reads "${field}" from config.json, but the README's table of settings does not say what it is for and its default`),
  ...unread.map((field) => `the README's table of settings names "${field}", which the app does not read`),
];
if (read.length === 0) problems.push("no fields found in PracticeConfig");
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`readme_settings: all ${read.length} settings are in the README's table (${read.join(", ")})`);
