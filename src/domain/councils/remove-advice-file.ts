import { and, eq, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { type AdviceFileActor, lockAdviceForFiles } from "./advice-file-access.ts";
import { isSidePublic } from "./advice-states.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";

export type RemoveAdviceFileOptions = AdviceFileActor & { attachmentId: string };

/**
 * Takes a file off a piece of advice, under the advice's lock. While its side was never public the file is deleted;
 * once it may have been read and cited it is only marked removed: no page lists it and only staff open it, but the
 * row and the file stay, and the audit line names the file and its checksum (as a meeting's documents, ADR 0025).
 * Both are conditional, so of two removals at once one is refused.
 */
export async function removeAdviceFile(tx: Tx, o: RemoveAdviceFileOptions): Promise<"deleted" | "removed"> {
  const f = schema.adviceAttachments;
  const u = schema.uploads;
  const mine = (id: string) => and(eq(f.tenantId, o.tenantId), eq(f.adviceId, o.adviceId), eq(f.id, id));
  const [file] = isUuid(o.attachmentId)
    ? await tx
        .select({ id: f.id, side: f.side, uploadId: f.uploadId, fileName: u.fileName, sha256: u.sha256 })
        .from(f)
        .innerJoin(u, and(eq(u.tenantId, f.tenantId), eq(u.id, f.uploadId)))
        .where(and(mine(o.attachmentId), isNull(f.removedAt)))
    : [];
  if (!file) throw new CouncilsError("councils.advice-file-not-found");
  const advice = await lockAdviceForFiles(tx, { ...o, side: file.side });
  const mode = isSidePublic(file.side, advice.status) ? "removed" : "deleted";
  // The attachment's row goes with its upload (on delete cascade).
  const [done] =
    mode === "removed"
      ? await tx
          .update(f)
          .set({ removedAt: o.now })
          .where(and(mine(file.id), isNull(f.removedAt)))
          .returning({ id: f.id })
      : await tx
          .delete(u)
          .where(and(eq(u.tenantId, o.tenantId), eq(u.id, file.uploadId)))
          .returning({ id: u.id });
  if (!done) throw new CouncilsError("councils.advice-file-not-found");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-file-remove",
    subject: o.adviceId,
    details: {
      attachment: file.id,
      side: file.side,
      upload: file.uploadId,
      fileName: file.fileName,
      sha256: file.sha256,
      mode,
    },
  });
  return mode;
}
