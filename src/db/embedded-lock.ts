import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** The embedded database's directory is in use by another running process (an app, or a command). */
export class EmbeddedDatabaseHeldError extends Error {
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by a running Samenspel app (process ${pid}). ` +
        "Stop the app first, or run against a PostgreSQL server with DATABASE_URL.",
    );
    this.name = "EmbeddedDatabaseHeldError";
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite opens one data directory from two processes without a word, and both then write to it. So whoever opens
 * it holds `<dataDir>.lock` with its process id; a lock whose process has gone is stale and taken over. Returns the
 * release.
 */
export function holdEmbeddedDirectory(dataDir: string): () => void {
  const path = `${dataDir.replace(/[\\/]+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new EmbeddedDatabaseHeldError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take ${path}`);
}
