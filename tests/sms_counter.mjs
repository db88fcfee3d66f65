// The app's text-message counter against an independent one (npm
// sms-segments-calculator): the boundary table from the issue, then a few
// hundred generated messages. Run by `make test` after `cargo test`.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { SegmentedMessage } = require("sms-segments-calculator");

const a = (n) => "a".repeat(n);
const table = [
  "", a(160), a(161), a(306), a(307), a(459), a(460),
  `${a(158)}€`, `${a(159)}€`, `${a(152)}[${a(153)}`, `${a(151)}[${a(153)}`, `${a(153)}{}`,
  `${a(69)}’`, `${a(70)}’`, `${a(133)}’`, `${a(134)}’`, `${a(200)}’`,
  "😊", `${a(68)}😊`, `${a(69)}😊`, `${a(66)}😊${a(10)}`, `${a(66)}😊${a(65)}`, `${a(66)}😊${a(66)}`,
  "Hi Sam, appointment confirmed for tomorrow at 2:30pm at Elm Surgery. See you tomorrow. Will",
  "Hi Sam, appointment confirmed for tomorrow at 2:30pm at Elm Surgery’s Room 4. See you tomorrow. Will",
  "Line one\nLine two\r\nand £5 at Café Élan ^{}\\[~]|€",
];

// A seeded generator, so a failure can be repeated.
let seed = 20261122;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pieces = ["a", "Z", "7", " ", ".", ",", "\n", "£", "é", "Ä", "€", "[", "^", "~", "’", "–", "…", "😊", "👍🏽", "ë", "ç", "ñ"];
for (let i = 0; i < 400; i++) {
  const length = Math.floor(random() * 360);
  const plainOnly = random() < 0.5;
  let text = "";
  while ([...text].length < length) {
    const pool = plainOnly ? pieces.slice(0, 14) : pieces;
    text += random() < 0.7 ? "a" : pool[Math.floor(random() * pool.length)];
  }
  table.push(text);
}

const ours = JSON.parse(
  execFileSync("cargo", ["run", "--quiet", "--locked", "--example", "sms_counts"], {
    input: JSON.stringify(table),
    encoding: "utf8",
  }),
);
let failures = 0;
table.forEach((text, i) => {
  const theirs = new SegmentedMessage(text);
  const [encoding, , parts] = ours[i];
  if (encoding !== theirs.encodingName || parts !== theirs.segmentsCount) {
    failures++;
    if (failures <= 10) {
      console.error(`Message ${i} (${[...text].length} characters): app says ${encoding} in ${parts}, sms-segments-calculator says ${theirs.encodingName} in ${theirs.segmentsCount}`);
      console.error(`  ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
});
console.log(`Text counter: ${table.length - failures} of ${table.length} messages agree with sms-segments-calculator.`);
if (failures > 0) process.exit(1);
