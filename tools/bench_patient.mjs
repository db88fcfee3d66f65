// The patients' run of the benchmark (issue 23): the home page, the start of
// self-referral and the plan, each opened cold (a new browser context: empty
// cache, no service worker) in headless Chromium with the CPU slowed 4× and a
// slow mobile network emulated through the DevTools protocol (1.6 Mbit/s
// down, 750 kbit/s up, 150 ms round trip). Each page is measured served as
// built (a host that compresses nothing, as Python's http.server) and with
// the build's gzip copies (as nginx's gzip_static), median of 7 runs, timed
// interleaved so that the machine's noise falls on both alike.
//
// For each page: the bytes sent, the first contentful paint (the first text
// on screen, which may be only "Loading…"), the first frame with the page's
// h1 in it, and the moment the app has drawn the page and its buttons and
// links answer a tap (the app's `sp-app-ready` mark, src/ui/app.rs).
//
// `node tools/bench_patient.mjs` prints the table (`BENCH_RUNS=1` for a quick
// look); `make bench` adds it to
// bench/RESULTS.md.
import { chromium } from "@playwright/test";
import { serveStatic } from "./static_server.mjs";

const RUNS = Number(process.env.BENCH_RUNS) || 7;
const SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const AT = "/practice/support/";
export const PATIENT_PAGES = [
  ["home", ""],
  ["self-referral's start", "refer/"],
  ["my plan", "plan/"],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One cold visit to `url`: bytes sent, first text, and the app ready. */
async function visit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
    // The first frame drawn with the page's h1 in it (its question or title).
    await page.addInitScript(() => {
      const look = () => {
        if (document.querySelector("h1")) {
          requestAnimationFrame(() => performance.mark("bench-h1"));
        } else {
          requestAnimationFrame(look);
        }
      };
      requestAnimationFrame(look);
    });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => performance.getEntriesByName("sp-app-ready").length > 0, null, { timeout: 120_000, polling: 100 });
    // Whatever the page fetches as it starts (its settings) is counted too.
    await page.waitForLoadState("networkidle");
    const times = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      h1: performance.getEntriesByName("bench-h1")[0]?.startTime,
      ready: performance.getEntriesByName("sp-app-ready")[0].startTime,
    }));
    return { bytes, ...times };
  } finally {
    await context.close();
  }
}

/** Measures every patient page both ways; returns the rows, medians and runs. */
export async function measurePatients(browser, dist) {
  const servers = { "as built": await serveStatic(dist, { at: AT }), gzip: await serveStatic(dist, { at: AT, gzip: true }) };
  try {
    const runs = {};
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, path] of PATIENT_PAGES) {
        for (const [way, server] of Object.entries(servers)) {
          const key = `${name}|${way}`;
          runs[key] ??= { bytes: [], paint: [], h1: [], ready: [] };
          const { port } = server.address();
          const seen = await visit(browser, `http://127.0.0.1:${port}${AT}${path}`);
          for (const figure of ["bytes", "paint", "h1", "ready"]) runs[key][figure].push(seen[figure]);
        }
      }
    }
    return Object.entries(runs).map(([key, figures]) => {
      const [page, way] = key.split("|");
      return { page, way, bytes: median(figures.bytes), paint: median(figures.paint), h1: median(figures.h1), ready: median(figures.ready), runs: figures };
    });
  } finally {
    for (const server of Object.values(servers)) server.close();
  }
}

/** The patients' section of bench/RESULTS.md. */
export function patientLines(rows) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    "## A patient's first visit: a cheap phone on a slow network",
    "",
    `Each page opened cold (new browser context, empty cache, no service worker) at 390 × 844, CPU slowed ${SLOWDOWN}×, network 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip; median of ${RUNS} runs, the two ways interleaved. "As built" is a host that compresses nothing; "gzip" sends the build's .gz copies. Made by \`tools/bench_patient.mjs\`.`,
    "",
    "Targets (issue 23): home at most 120 KB, its first text by 1.0 s, acting on a tap by 2.0 s; self-referral and the plan at most 200 KB, first text by 1.0 s, acting on a tap by 2.5 s.",
    "",
    "| page | served | bytes sent | first text on screen | the page's h1 on screen | the app answers a tap |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.page} | ${r.way} | ${kb(r.bytes)} | ${s(r.paint)} | ${s(r.h1)} | ${s(r.ready)} |`),
    "",
    "Every run, in order (first text / h1 / answers a tap, ms):",
    "",
    ...rows.map((r) => `- ${r.page}, ${r.way}: ${r.runs.paint.map((p, i) => `${Math.round(p)}/${Math.round(r.runs.h1[i])}/${Math.round(r.runs.ready[i])}`).join(", ")}`),
    "",
  ];
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dist = new URL("../dist/", import.meta.url).pathname;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    console.log(patientLines(await measurePatients(browser, dist)).join("\n"));
  } finally {
    await browser.close();
  }
}
