import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/** The baseline: node:http answering every request with the same bytes the app produced for a page. */
const [file, contentType, port] = process.argv.slice(2) as [string, string, string];
const body = readFileSync(file);
createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
