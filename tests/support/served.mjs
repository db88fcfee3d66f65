// Serves a copy of the built app with a plain static server (Python's
// http.server, as a practice might), at any path, optionally changed first.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = new URL("../../dist/", import.meta.url).pathname;

/** A config.json for the tests' practice. */
export const ELM_SURGERY = {
  practice_name: "Elm Surgery",
  address: ["1 Elm Road", "Leeds", "LS1 1AA"],
  phone: "0113 496 0123",
  referral_email: "elm.linkworkers@example.org",
  clinic_team_name: "Elm Surgery link worker team",
};

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the static server did not start at ${url}`);
}

/**
 * Copies dist/ to `at` under a fresh web root, lets `change(dir)` edit the
 * copy, and serves it. Returns the app's address and a way to stop and start
 * the server (the network going off and on).
 */
export async function serveApp({ at = "/any/sub/path/", change } = {}) {
  const root = mkdtempSync(join(tmpdir(), "sp-served-"));
  const dir = join(root, at);
  // The files keep the build's times, as a practice's copy would: a test that
  // writes a new version over one then always gives it a later time. (Python
  // answers "not modified" to a file whose time, in whole seconds, is no
  // later than the copy the browser has: a service worker written over in
  // the same second as the first copy was never seen to change.)
  cpSync(dist, dir, { recursive: true, preserveTimestamps: true });
  // The build ships only an example of the practice's settings; the tests'
  // site is set up with it, as a practice sets up theirs.
  copyFileSync(join(dir, "config.example.json"), join(dir, "config.json"));
  if (change) change(dir);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let server = null;
  const served = {
    origin,
    url: origin + at,
    dir,
    async start() {
      server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root], {
        stdio: "ignore",
      });
      await waitUntilServing(origin + "/");
    },
    async stop() {
      if (!server) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill();
      await exited;
      server = null;
    },
    async close() {
      await served.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await served.start();
  return served;
}
