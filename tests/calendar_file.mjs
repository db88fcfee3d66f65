// The rota's calendar file read by an independent iCalendar parser (npm
// ical.js): every event is there, with the volunteer's name, the place, and
// the right UK time on both sides of the clock change. Run by `make test`.
import { execFileSync } from "node:child_process";
import ICAL from "ical.js";

const text = execFileSync("cargo", ["run", "--quiet", "--locked", "--example", "rota_calendar"], { encoding: "utf8" });
const calendar = new ICAL.Component(ICAL.parse(text));
const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone"));
ICAL.TimezoneService.register(zone);
const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

const problems = [];
const expect = (what, actual, wanted) => {
  if (actual !== wanted) problems.push(`${what}: got ${JSON.stringify(actual)}, wanted ${JSON.stringify(wanted)}`);
};
expect("events", events.length, 8);
// 24 March is before the clocks go forward (GMT, UTC+0); 31 March after (BST, UTC+1).
const utcHour = (date) => events.find((e) => e.startDate.toString().startsWith(date))?.startDate.toJSDate().getUTCHours();
expect("9am on Tuesday 24 March in UTC", utcHour("2026-03-24"), 9);
expect("9am on Tuesday 31 March in UTC", utcHour("2026-03-31"), 8);
expect("start time as written", events[0].startDate.toString(), "2026-03-17T09:00:00");
expect("end time as written", events[0].endDate.toString(), "2026-03-17T12:30:00");
expect("summary", events[0].summary, "Link worker clinic: Ann O'Neil");
expect("a comma in a name", events[1].summary, "Link worker clinic: Bob, the Treasurer");
expect("location", events[0].location, "Room 4, Elm Surgery, Leeds");
expect("unique ids", new Set(events.map((e) => e.uid)).size, events.length);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`Calendar file: ${events.length} events read back by ical.js with the right names, places and UK times.`);
