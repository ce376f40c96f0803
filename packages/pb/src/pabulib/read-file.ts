import { createReadStream } from "node:fs";
import type { Election } from "../election/election.ts";
import { type ParseOptions, parsePabulibStream } from "./parse.ts";

/** Node-only entry: streams a Pabulib file from disk (it must be UTF-8; see `ParseOptions.lenient`). */
export function readPabulibFile(path: string, options: ParseOptions = {}): Promise<Election> {
  return parsePabulibStream(createReadStream(path, { highWaterMark: 1 << 20 }), options);
}
