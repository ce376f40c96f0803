import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const compressible = /\.(js|css|svg|json|txt)$/;

/**
 * Writes a Brotli and a gzip copy next to every script, stylesheet and icon of the browser build, at the highest
 * levels: compressing once at build time costs nothing per request, and `server/precompressed.ts` serves them
 * (ADR 0038). A file under half a kilobyte is left alone: its copy would save about what the `Content-Encoding` and
 * `Vary` headers it brings cost.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "samenspel:precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.environments.client?.build.outDir ?? config.build.outDir;
    },
    // After each environment's build: React Router writes the browser's route manifest during the server build.
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !compressible.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        if (existsSync(`${file}.gz`)) continue;
        const source = readFileSync(file);
        if (source.length < 512) continue;
        const brotli = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        if (brotli.length < source.length) writeFileSync(`${file}.br`, brotli);
        const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
        if (gzip.length < source.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}
