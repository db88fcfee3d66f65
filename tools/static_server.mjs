// A small static server for the built app at a sub-path, for the build's
// first screens (tools/prerender.mjs) and the patients' benchmark: dist/ at
// `at`, with config.example.json answering for the practice's config.json.
// `gzip` sends a file's .gz copy to a browser that accepts gzip.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serves `dist` at `at` on a free port; resolves to the listening server. */
export function serveStatic(dist, { at, gzip = false }) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (!url.pathname.startsWith(at)) return void response.writeHead(404).end();
    let path = normalize(decodeURIComponent(url.pathname.slice(at.length)));
    if (path.startsWith("..")) return void response.writeHead(404).end();
    if (path === "config.json") path = "config.example.json";
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end();
    const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" };
    const accepts = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    if (gzip && accepts && existsSync(`${file}.gz`)) {
      response.writeHead(200, { ...headers, "Content-Encoding": "gzip", Vary: "Accept-Encoding" });
      response.end(readFileSync(`${file}.gz`));
    } else {
      response.writeHead(200, headers);
      response.end(readFileSync(file));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
