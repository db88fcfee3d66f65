// Checks that every test the hazard log names still exists, so the log can
// never point at a test that has gone or been renamed. Run by `make test`
// after the build (listing the browser tests reads dist/).
//
// The log names tests in backticks, one of three ways:
//   `rust: domain::referral::tests::someone_under_16_is_not_sent_on`
//       a host test, by its path as `cargo test --lib -- --list` prints it;
//   `browser: tests/refer.spec.mjs › a person under 16 is told who can help instead`
//       a browser test, by its file and its title (with any group's title
//       before it, each after a ›), as `npx playwright test --list` prints it;
//   `node: tests/calendar_file.mjs`
//       a test script that `make test` runs with node.
//
// Usage: node tools/check_hazard_log.mjs [file.md ...]   (docs/clinical-safety.md
// by default; `make test` gives it every paper in docs/ that names tests). Exits 1, listing each name not found, if any is missing or if
// a file names no test at all.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = process.argv.slice(2);
if (files.length === 0) files.push(join(root, "docs/clinical-safety.md"));

/** Every test named in `markdown`, as { kind, name, line }. */
function namedTests(markdown) {
  const named = [];
  markdown.split("\n").forEach((text, n) => {
    for (const [, kind, name] of text.matchAll(/`(rust|browser|node): ([^`]+)`/g)) {
      named.push({ kind, name: name.trim(), line: n + 1 });
    }
  });
  return named;
}

function run(command, args) {
  try {
    return execFileSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  } catch (error) {
    console.error(`The hazard log's check could not list the tests: \`${command} ${args.join(" ")}\` failed:\n${error.stderr ?? error.message}`);
    process.exit(1);
  }
}

/** The host tests, as `cargo test --lib -- --list` prints them. */
function rustTests() {
  const listed = run("cargo", ["test", "--lib", "--locked", "--quiet", "--", "--list"]);
  return new Set(listed.split("\n").filter((l) => l.endsWith(": test")).map((l) => l.slice(0, -": test".length)));
}

/** The browser tests, as "tests/file.spec.mjs › title" (the line number left out). */
function browserTests() {
  const listed = run("npx", ["playwright", "test", "--list"]);
  const tests = new Set();
  for (const line of listed.split("\n")) {
    const found = line.match(/^\s+(\S+\.spec\.mjs):\d+:\d+ › (.+)$/);
    if (found) tests.add(`tests/${found[1]} › ${found[2].trim()}`);
  }
  if (tests.size === 0) throw new Error(`npx playwright test --list listed no tests:\n${listed}`);
  return tests;
}

/** The node test scripts `make test` runs. */
function nodeTests() {
  const makefile = readFileSync(join(root, "Makefile"), "utf8");
  return new Set([...makefile.matchAll(/^\s+node (tests\/\S+\.mjs)/gm)].map(([, file]) => file).filter((file) => existsSync(join(root, file))));
}

const named = files.map((file) => ({ file, tests: namedTests(readFileSync(file, "utf8")) }));
const problems = [];
for (const { file, tests } of named) {
  if (tests.length === 0) problems.push(`${file} names no test at all (write them as \`rust: path::to::test\`, \`browser: tests/x.spec.mjs › title\` or \`node: tests/x.mjs\`)`);
}
const all = named.flatMap(({ file, tests }) => tests.map((t) => ({ ...t, file })));
const kinds = new Set(all.map((t) => t.kind));
const known = {
  rust: kinds.has("rust") ? rustTests() : new Set(),
  browser: kinds.has("browser") ? browserTests() : new Set(),
  node: kinds.has("node") ? nodeTests() : new Set(),
};
const missing = all.filter((t) => !known[t.kind].has(t.name));
for (const t of missing) problems.push(`${t.file}:${t.line}: no ${t.kind} test named "${t.name}"`);

const distinct = new Set(all.map((t) => `${t.kind}: ${t.name}`));
if (problems.length > 0) {
  console.error(missing.length > 0 ? `The hazard log names tests that do not exist (${missing.length} of ${all.length} names):` : "The hazard log's check failed:");
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
const count = (kind) => new Set(all.filter((t) => t.kind === kind).map((t) => t.name)).size;
for (const { file, tests } of named) {
  console.log(`${file.replace(`${root}/`, "")}: all ${new Set(tests.map((t) => `${t.kind}: ${t.name}`)).size} tests it names exist.`);
}
if (named.length > 1) console.log(`In all: ${distinct.size} tests (${count("rust")} host, ${count("browser")} browser, ${count("node")} node scripts), ${all.length} mentions.`);
else console.log(`(${count("rust")} host, ${count("browser")} browser, ${count("node")} node scripts; ${all.length} mentions)`);
