// The practice asks what the clinic did in February: a volunteer chooses the
// dates (mistakes named), reads every figure in tables with bar charts beside
// them, small numbers shown as "fewer than 5", downloads the CSV and prints it.
// The clinic's records are put on the device as a saved clinic, and every
// figure is checked against a count made by hand from them.
import { readFileSync } from "node:fs";
import { test, expect, expectNoAxeViolations, screenshot } from "./support/fixtures.mjs";
import { serveApp } from "./support/served.mjs";
import { changeStored } from "./support/stored.mjs";
import { h1, expectErrors, clinicHelpers } from "./support/clinic.mjs";

let served;
test.beforeAll(async () => {
  served = await serveApp();
});
test.afterAll(async () => served.close());

const person = (id, name, referred_on, source, needs, status = "active") => ({ id, name, referred_on, source, needs, status });
/** Life satisfaction asked on 3 February and again on 24 February. */
const satisfaction = (first, latest) => [
  { on: "2026-02-03", scores: { satisfied: { score: first } } },
  { on: "2026-02-24", scores: { satisfied: { score: latest } } },
];
const booking = (id, person, date, outcome) => ({
  id, person, session: 1, date, outcome,
  times: { start: 540 + (id % 4) * 45, end: 585 + (id % 4) * 45 },
  kind: "first", mode: "face-to-face",
});

/** The Tuesday clinic's January and February 2026. */
const CLINIC = {
  sessions: {
    weekly: [{ id: 1, weekday: 1, times: { start: 540, end: 750 }, room: "Room 4", first: "2026-01-06", last: "" }],
    extra: [],
    closed: [],
  },
  volunteers: [{ id: 2, name: "Ann Jones" }],
  // Ann covers 3, 10 and 17 February; nobody covers 24 February.
  rota: ["2026-02-03", "2026-02-10", "2026-02-17"].map((date) => ({ session: 1, date, volunteer: 2 })),
  people: [
    { ...person(101, "Amy Ash", "2026-02-02", "gp", ["lonely"]), wellbeing: satisfaction(3, 6) },
    { ...person(102, "Ben Birch", "2026-02-02", "gp", ["lonely", "money"]), wellbeing: satisfaction(4, 5) },
    { ...person(103, "Cas Cedar", "2026-02-05", "gp", ["lonely"]), wellbeing: satisfaction(5, 7) },
    { ...person(104, "Dee Dogwood", "2026-02-09", "gp", ["lonely", "stress"]), wellbeing: satisfaction(6, 6) },
    { ...person(105, "Eli Elm", "2026-02-12", "gp", ["lonely"]), wellbeing: satisfaction(7, 6) },
    // Fay's self-referral came from a GP's referral pad.
    { ...person(106, "Fay Fir", "2026-02-13", "self-referral", ["money"]), suggested_by: "gp" },
    person(107, "Gus Gorse", "2026-02-16", "self-referral", ["lonely"], "declined"),
    person(108, "Hal Hazel", "2026-01-20", "nurse", ["caring"]),
  ],
  bookings: [
    booking(1, 101, "2026-02-03", "attended"),
    booking(2, 108, "2026-02-03", "attended"),
    booking(3, 102, "2026-02-10", "attended"),
    booking(4, 103, "2026-02-10", "attended"),
    booking(5, 104, "2026-02-17", "attended"),
    booking(6, 105, "2026-02-17", "did-not-attend"),
    booking(7, 106, "2026-02-17", "did-not-attend"),
    booking(8, 106, "2026-02-24", "attended"),
    booking(9, 107, "2026-02-24", "cancelled"),
  ],
};

/** February counted by hand from CLINIC. */
const FEBRUARY = {
  // 101 to 107 (108 came in January): 5 by GPs, 2 by themselves.
  "People referred": "7",
  "Referred by: GP": "5",
  "Referred by: Nurse": "0",
  // Of the 2 self-referrals: Fay's from a GP's pad, Gus's not said.
  "Self-referrals suggested by: GP": "fewer than 5",
  "Self-referrals suggested by: Nurse": "0",
  "Self-referrals suggested by: not said": "fewer than 5",
  "Referred by: Self-referral": "fewer than 5",
  // Lonely: 101, 102, 103, 104, 105, 107. Money: 102, 106.
  "Support with: Feeling lonely or isolated": "6",
  "Support with: Money, debt or benefits": "fewer than 5",
  // 2 of 7 is 28.6%.
  "Self-referrals as a share of all referrals": "29%",
  // First seen in February after 1 (101), 14 (108), 8 (102), 5 (103), 8 (104) and 11 (106) days.
  "Median wait from referral to first appointment": "8 days",
  "Longest wait from referral to first appointment": "14 days",
  "Appointments offered": "9",
  Attended: "6",
  "Did not attend": "fewer than 5",
  Cancelled: "fewer than 5",
  // 2 of the 8 who were due did not come.
  "Did-not-attend rate": "25%",
  "Did-not-attend rate after a reminder text": "no data",
  "Did-not-attend rate with no reminder text": "25%",
  "People contacted": "6",
  "Contacts per person": "1",
  "Finished (of those referred)": "0",
  "Declined (of those referred)": "fewer than 5",
  // +3, +1, +2, 0 and -1 over 5 people. Bands: 3 up (low to medium twice,
  // medium to high), 1 down (high to medium): each fewer than 5.
  "Life satisfaction: average change": "+1 (from 5 people)",
  "Life satisfaction: people moving to a better band": "fewer than 5",
  "Life satisfaction: people moving to a worse band": "fewer than 5",
  // Nobody was asked the other questions.
  "Anxiety: average change": "no data",
  // Only the sessions that have happened, and the dates they were counted from.
  "Sessions held from 1 February 2026 to 28 February 2026": "4",
  "Sessions covered": "3",
  "Sessions nobody covered": "1",
  "Sessions for Ann Jones": "3",
};

/** Reads CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function openReports(context, watch) {
  const page = await clinicHelpers(served).openClinic(context, watch);
  const envelope = { kind: "clinic", version: 1, revision: 1, saved_at: "2026-03-01T09:00:00Z", data: CLINIC };
  await changeStored(page, { "sp.clinic": JSON.stringify(envelope) });
  await page.reload();
  await page.getByRole("link", { name: "Reports for the practice and funders" }).click();
  await expect(h1(page)).toHaveText("Reports");
  return page;
}

/** The figure in the report's table for `measure`. */
const figure = (page, measure) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: measure, exact: true }) }).getByRole("cell");

test("February's report: dates checked, every figure as counted by hand, charts beside the tables, the CSV the same", async ({ context, watch }) => {
  const page = await openReports(context, watch);
  // This month, to begin with: nothing yet in March.
  await expect(page.getByTestId("report-period")).toHaveText("1 March 2026 to 31 March 2026");
  await expect(figure(page, "People referred")).toHaveText("0");
  // Today is Monday 2 March: the sessions still to come are not counted.
  await expect(figure(page, "Sessions held from 1 March 2026 to 2 March 2026")).toHaveText("0");
  await expect(figure(page, "Sessions nobody covered")).toHaveText("0");
  // No empty chart panels: each part with charts says so once.
  await expect(page.getByTestId("chart")).toHaveCount(0);
  await expect(page.getByTestId("no-chart-data")).toHaveCount(4);
  await expect(page.getByTestId("part-rota").getByTestId("no-chart-data")).toHaveText("Charts: no data for this period.");
  await expectNoAxeViolations(page, "this month's report");
  await screenshot(page, "reports-no-data");

  // Dates typed by hand, with their mistakes named. They start as this month's.
  await page.getByLabel("Choose the dates").check();
  const dates = async (legend, [d, m, y]) => {
    const group = page.getByRole("group", { name: legend });
    await group.getByLabel("Day").fill(d);
    await group.getByLabel("Month").fill(m);
    await group.getByLabel("Year").fill(y);
  };
  await expect(page.getByRole("group", { name: "End date" }).getByLabel("Day")).toHaveValue("31");
  await dates("Start date", ["", "", ""]);
  await dates("End date", ["30", "2", "2026"]);
  await page.getByRole("button", { name: "Show the report" }).click();
  await expectErrors(page, ["Enter the start date", "End date must be a real date"], "the report with dates missing and not real");
  await dates("Start date", ["28", "2", "2026"]);
  await dates("End date", ["1", "2", "2026"]);
  await page.getByRole("button", { name: "Show the report" }).click();
  await expectErrors(page, ["End date must be the same as or after the start date"], "the report with the dates the wrong way round");
  await screenshot(page, "reports-errors");
  await dates("Start date", ["1", "2", "2026"]);
  await dates("End date", ["28", "2", "2026"]);
  await page.getByRole("button", { name: "Show the report" }).click();
  await expect(page.getByTestId("report-period")).toHaveText("1 February 2026 to 28 February 2026");
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(page.url()).toContain("clinic/reports/?from=2026-02-01&to=2026-02-28");

  for (const [measure, value] of Object.entries(FEBRUARY)) {
    await expect(figure(page, measure), measure).toHaveText(value);
  }

  // Charts of the counts, each one image with a title; a hidden figure has no bar.
  const who = page.getByRole("img", { name: "Who referred people: bar chart. The figures are in the table above." });
  await expect(who).toBeVisible();
  await expect(who.locator("rect")).toHaveCount(6);
  await expect(who).toContainText("Self-referralfewer than 5");
  await expect(page.getByRole("img", { name: /^What happened to appointments/ })).toContainText("Attended6");
  await expect(page.getByRole("img", { name: /^Sessions per volunteer/ })).toContainText("Ann Jones3");
  // Every wellbeing band figure is hidden or nought: no empty panels there.
  await expect(page.getByTestId("chart")).toHaveCount(5);
  await expect(page.getByTestId("part-wellbeing").getByTestId("no-chart-data")).toHaveText("Charts: no data for this period.");
  await expect(page.getByTestId("no-chart-data")).toHaveCount(1);
  await expectNoAxeViolations(page, "February's report");
  await screenshot(page, "reports-february");

  // The same period after a reload, from the address.
  await page.reload();
  await expect(page.getByTestId("report-period")).toHaveText("1 February 2026 to 28 February 2026");
  await expect(page.getByLabel("Choose the dates")).toBeChecked();

  // The CSV holds the same figures.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("clinic-report-2026-02-01-to-2026-02-28.csv");
  const rows = parseCsv(readFileSync(await file.path(), "utf8"));
  expect(rows[0]).toEqual(["Part", "Measure", "Value"]);
  expect(rows[1]).toEqual(["Period", "Dates", "1 February 2026 to 28 February 2026"]);
  // A figure a spreadsheet would take for a formula ("+1 (from 5 people)")
  // starts with an apostrophe in the file, so it opens as the words it is.
  const asInFile = (value) => (/^[=+\-@]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value);
  const csv = Object.fromEntries(rows.slice(2).map(([, measure, value]) => [measure, value]));
  for (const [measure, value] of Object.entries(FEBRUARY)) expect(csv[measure], measure).toBe(asInFile(value));
  expect(csv["Life satisfaction: average change"]).toBe("'+1 (from 5 people)");
  // And every line of the table, no more and no fewer.
  const table = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  expect(rows.slice(2).map(([, m, v]) => [m, v])).toEqual(table.map(([m, v]) => [m, asInFile(v)]));
  expect(rows.find(([, m]) => m === "Support with: Money, debt or benefits")[0]).toBe("Referrals");

  // On paper: the figures, without the form and buttons, on A4.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Show the report" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Download as CSV" })).toBeHidden();
  await expect(figure(page, "People referred")).toBeVisible();
  await screenshot(page, "reports-print");
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.length).toBeGreaterThan(1000);
  await page.emulateMedia({ media: "screen" });

  // The last quarter: October to December 2025, before the clinic began.
  await page.getByLabel("The last quarter").check();
  await page.getByRole("button", { name: "Show the report" }).click();
  await expect(page.getByTestId("report-period")).toHaveText("1 October 2025 to 31 December 2025");
  await expect(figure(page, "People referred")).toHaveText("0");
  await expect(figure(page, "Median wait from referral to first appointment")).toHaveText("no data");
});
