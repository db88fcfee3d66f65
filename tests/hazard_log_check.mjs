// The hazard log's check (tools/check_hazard_log.mjs) seen to fail: on a log
// naming made-up tests it exits 1 and lists exactly those, and on a log
// naming no test at all it exits 1 too. Run by `make test`.
import { spawnSync } from "node:child_process";

const check = (file) => spawnSync("node", ["tools/check_hazard_log.mjs", file], { encoding: "utf8" });
const problems = [];

const bad = check("tests/fixtures/hazard_log_bad.md");
if (bad.status !== 1) problems.push(`a log naming made-up tests: exit ${bad.status}, wanted 1\n${bad.stdout}${bad.stderr}`);
const listed = bad.stderr.split("\n").filter((l) => l.includes(": no ")).map((l) => l.replace(/^.*: no \w+ test named /, ""));
const madeUp = [
  '"domain::referral::tests::a_made_up_test_that_was_never_written"',
  '"tests/refer.spec.mjs › a made-up browser test nobody wrote"',
  '"tests/made_up_script.mjs"',
];
if (JSON.stringify(listed) !== JSON.stringify(madeUp)) problems.push(`listed as missing: ${JSON.stringify(listed)}, wanted ${JSON.stringify(madeUp)}`);

const empty = check("tests/fixtures/hazard_log_empty.md");
if (empty.status !== 1 || !empty.stderr.includes("names no test at all")) {
  problems.push(`a log naming no test: exit ${empty.status}, wanted 1 saying it names no test\n${empty.stderr}`);
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`Hazard log check: fails on 3 made-up test names (and lists exactly those) and on a log naming no test.`);
