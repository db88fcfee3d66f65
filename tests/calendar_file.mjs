// Volunteers' calendar files read by an independent iCalendar parser (npm
// ical.js): Ann's file as the rota was kept, then Ann's and Bob's after Ann's
// Tuesday 24 March was handed to Bob and Thursday 2 April was closed. Each
// file holds only its volunteer's duties, at the right UK time on both sides
// of the clock change (a session in the skipped hour written unambiguously in
// UTC); a changed duty has a higher SEQUENCE, and one handed on or closed is
// sent as cancelled; after the Thursday session itself is changed, Bob's
// Thursdays carry the new time and room with a higher SEQUENCE. Run by `make test`.
import { execFileSync } from "node:child_process";
import ICAL from "ical.js";

const output = execFileSync("cargo", ["run", "--quiet", "--locked", "--example", "rota_calendar"], { encoding: "utf8" });
const files = output.split(/^== .*\n/m).filter((f) => f.trim() !== "");

const read = (text) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({
    event: new ICAL.Event(v),
    status: v.getFirstPropertyValue("status"),
  }));
  return { method: calendar.getFirstPropertyValue("method"), events };
};
const [annBefore, annAfter, bobAfter, bobMoved] = files.map(read);

const problems = [];
const expect = (what, actual, wanted) => {
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${what}: got ${JSON.stringify(actual)}, wanted ${JSON.stringify(wanted)}`);
};
const on = (file, date) => file.events.find((e) => e.event.startDate.toString().startsWith(date));
const utc = (e) => e?.event.startDate.toJSDate().toISOString();

expect("files", files.length, 4);
expect("method", [annBefore.method, annAfter.method, bobAfter.method], ["PUBLISH", "PUBLISH", "PUBLISH"]);
// Ann is on the four Tuesdays and the Sunday session; none of Bob's Thursdays.
expect("Ann's duties at first", annBefore.events.map((e) => e.event.startDate.toString().slice(0, 10)), ["2026-03-17", "2026-03-24", "2026-03-29", "2026-03-31", "2026-04-07"]);
expect("all confirmed at first", annBefore.events.map((e) => e.status), ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]);
// 24 March is before the clocks go forward (GMT, UTC+0); 31 March after (BST, UTC+1).
expect("9am on Tuesday 24 March", utc(on(annBefore, "2026-03-24")), "2026-03-24T09:00:00.000Z");
expect("9am on Tuesday 31 March", utc(on(annBefore, "2026-03-31")), "2026-03-31T08:00:00.000Z");
// 1:30am on Sunday 29 March does not happen in London: it is written as 1:30 UTC (1:30 GMT).
expect("1:30am on the Sunday the clocks change", utc(on(annBefore, "2026-03-29")), "2026-03-29T01:30:00.000Z");
expect("end of that session", on(annBefore, "2026-03-29")?.event.endDate.toJSDate().toISOString(), "2026-03-29T02:00:00.000Z");
expect("summary", annBefore.events[0].event.summary, "Link worker clinic duty");
expect("location", annBefore.events[0].event.location, "Room 4, Elm Surgery, Leeds");
expect("unique ids", new Set(annBefore.events.map((e) => e.event.uid)).size, annBefore.events.length);

// After the change: the same event in Ann's file, cancelled, with a higher sequence.
const before24 = on(annBefore, "2026-03-24").event;
const after24 = on(annAfter, "2026-03-24");
expect("same event", after24?.event.uid, before24.uid);
expect("Ann's 24 March now", after24?.status, "CANCELLED");
expect("its sequence rose", after24?.event.sequence > before24.sequence, true);
expect("Ann's 17 March unchanged", [on(annAfter, "2026-03-17")?.status, on(annAfter, "2026-03-17")?.event.sequence], ["CONFIRMED", on(annBefore, "2026-03-17").event.sequence]);
// Bob has 24 March as his, at the same sequence as Ann's cancellation, and Thursday 2 April cancelled.
const bob24 = on(bobAfter, "2026-03-24");
expect("Bob's 24 March", [bob24?.status, bob24?.event.uid, bob24?.event.sequence], ["CONFIRMED", before24.uid, after24?.event.sequence]);
const bobThursdays = bobAfter.events.filter((e) => e.event.startDate.dayOfWeek() === ICAL.Time.THURSDAY);
expect("Bob's Thursdays", bobThursdays.map((e) => [e.event.startDate.toString().slice(0, 10), e.status]), [["2026-03-19", "CONFIRMED"], ["2026-03-26", "CONFIRMED"], ["2026-04-02", "CANCELLED"], ["2026-04-09", "CONFIRMED"]]);
expect("Bob's file holds no Tuesday of Ann's", bobAfter.events.filter((e) => e.event.startDate.dayOfWeek() === ICAL.Time.TUESDAY).length, 1);

// The Thursday session changed to 2pm to 5:30pm in Room 5: the same events, later, elsewhere, with a higher sequence.
const movedThursdays = bobMoved.events.filter((e) => e.event.startDate.dayOfWeek() === ICAL.Time.THURSDAY);
expect("Bob's Thursdays after the change", movedThursdays.map((e) => [utc(e), e.event.location, e.status]), [
  ["2026-03-19T14:00:00.000Z", "Room 5, Elm Surgery, Leeds", "CONFIRMED"],
  ["2026-03-26T14:00:00.000Z", "Room 5, Elm Surgery, Leeds", "CONFIRMED"],
  ["2026-04-02T13:00:00.000Z", "Room 5, Elm Surgery, Leeds", "CANCELLED"],
  ["2026-04-09T13:00:00.000Z", "Room 5, Elm Surgery, Leeds", "CONFIRMED"],
]);
for (const e of movedThursdays) {
  const was = bobThursdays.find((b) => b.event.uid === e.event.uid);
  expect(`same event, higher sequence (${e.event.startDate.toString().slice(0, 10)})`, [Boolean(was), e.event.sequence > was?.event.sequence], [true, true]);
}
expect("Bob's Tuesday untouched", bobMoved.events.filter((e) => e.event.startDate.dayOfWeek() === ICAL.Time.TUESDAY).map((e) => e.event.sequence), bobAfter.events.filter((e) => e.event.startDate.dayOfWeek() === ICAL.Time.TUESDAY).map((e) => e.event.sequence));

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`Calendar files: ${files.length} read back by ical.js; each volunteer's own duties at the right UK times, a handed-on duty cancelled and a changed session's duties moved, each with a higher SEQUENCE.`);
