// A practice's CouchDB for the sharing tests: a real server of CouchDB's
// protocol (npm pouchdb-server, in memory) on the loopback address, with an
// administrator, the clinic's database and one account per volunteer, put
// at the app's own address under /couchdb/ by a small reverse proxy, as a
// practice's host would. The same proxy serves a copy of the built app.
// Stopping the database or the proxy is the server going away mid-sharing.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import { createServer as netServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { ELM_SURGERY } from "./served.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
const bin = new URL("../../node_modules/.bin/pouchdb-server", import.meta.url).pathname;
export const ADMIN = { name: "admin", password: "practice-admin-secret" };
export const VOLUNTEERS = [
  { name: "ana", password: "ana-long-password" },
  { name: "ben", password: "ben-long-password" },
];
export const DATABASE = "clinic";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = netServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function until(what, ready) {
  for (let i = 0; i < 200; i++) {
    try {
      if (await ready()) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

/** The CouchDB-protocol server, in memory, in a folder of its own (it
 * writes its settings and log there). */
async function startCouch(port, dir) {
  const child = spawn(bin, ["--in-memory", "--no-stdout-logs", "--port", String(port), "--host", "127.0.0.1", "--dir", dir, "--config", join(dir, "config.json")], {
    cwd: dir,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await until(`the CouchDB server at ${url}`, async () => (await fetch(url + "/")).ok);
  return child;
}

/** What a practice does once: an administrator, the clinic's database, one
 * account per volunteer, and only those accounts let into the database. */
async function setUp(url) {
  const admin = "Basic " + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString("base64");
  const call = async (method, path, body, auth = admin) => {
    const response = await fetch(url + path, {
      method,
      headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok && response.status !== 412) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  await call("PUT", `/_config/admins/${ADMIN.name}`, ADMIN.password, null);
  await call("PUT", `/${DATABASE}`);
  for (const { name, password } of VOLUNTEERS) {
    await call("PUT", `/_users/org.couchdb.user:${name}`, { name, password, roles: [], type: "user" });
  }
  await call("PUT", `/${DATABASE}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: VOLUNTEERS.map((v) => v.name), roles: [] },
  });
}

/**
 * Serves a copy of the built app at `/` with `config.json` given `sharing`
 * (the database's address under /couchdb/ unless told), and the CouchDB
 * server under /couchdb/. Returns the app's address, the server's own
 * address (for the tests to read what it holds), and ways to stop and start
 * the database, and to make /couchdb/ answer garbage or hang.
 */
export async function serveSharing({ sharing = `/couchdb/${DATABASE}`, change } = {}) {
  const root = mkdtempSync(join(tmpdir(), "sp-sharing-"));
  const couchDir = mkdtempSync(join(tmpdir(), "sp-couch-"));
  cpSync(dist, root, { recursive: true });
  const config = JSON.parse(readFileSync(join(root, "config.example.json"), "utf8"));
  writeFileSync(join(root, "config.json"), JSON.stringify({ ...config, ...ELM_SURGERY, ...(sharing ? { sharing } : {}) }, null, 2));
  if (change) change(root);
  const [couchPort, port] = [await freePort(), await freePort()];
  const couchUrl = `http://127.0.0.1:${couchPort}`;
  let couch = await startCouch(couchPort, couchDir);
  await setUp(couchUrl);
  /** "ok", "garbage" (a web page instead of CouchDB's answers) or "hang". */
  let mode = "ok";
  const seen = [];

  const proxy = (req, res) => {
    if (mode === "hang") return;
    if (mode === "garbage") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html><body>Welcome to our web host</body></html>");
      return;
    }
    const path = req.url.slice("/couchdb".length) || "/";
    const onward = request(couchUrl + path, { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${couchPort}` } }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    onward.on("error", () => {
      // A long-poll already answering when the database stops: cut it off.
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html><body>Bad gateway</body></html>");
    });
    req.pipe(onward);
  };

  const server = createServer((req, res) => {
    seen.push(req.url);
    if (req.url.startsWith("/couchdb/") || req.url === "/couchdb") return proxy(req, res);
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.includes("..")) {
      res.writeHead(400);
      return res.end();
    }
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
    }
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: origin + "/",
    root,
    couchUrl,
    seen,
    /** The answers /couchdb/ gives: "ok", "garbage" or "hang". */
    answer(how) {
      mode = how;
    },
    /** Every document the database holds, as the server stores it. */
    async documents() {
      const auth = "Basic " + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString("base64");
      const response = await fetch(`${couchUrl}/${DATABASE}/_all_docs?include_docs=true`, { headers: { Authorization: auth } });
      return (await response.json()).rows.map((row) => row.doc);
    },
    /** Stops the database server (as a power cut would). */
    async stopDatabase() {
      const exited = new Promise((resolve) => couch.once("exit", resolve));
      couch.kill();
      await exited;
    },
    /** Starts it again: in memory, so set up afresh and empty, as a
     * practice's server restored from nothing would be. */
    async startDatabase() {
      // Its settings file keeps the administrator: set up afresh as well.
      rmSync(join(couchDir, "config.json"), { force: true });
      couch = await startCouch(couchPort, couchDir);
      await setUp(couchUrl);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      const exited = new Promise((resolve) => couch.once("exit", resolve));
      couch.kill();
      await exited;
      rmSync(root, { recursive: true, force: true });
      rmSync(couchDir, { recursive: true, force: true });
    },
  };
}
