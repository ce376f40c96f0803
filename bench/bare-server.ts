import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/** The baseline: node:http answering every request with the same bytes (and type and encoding) the app produced. */
const [file, headers, port] = process.argv.slice(2) as [string, string, string];
const body = readFileSync(file);
const fixed = { ...(JSON.parse(headers) as Record<string, string>), "Content-Length": body.length };
createServer((_req, res) => {
  res.writeHead(200, fixed);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
