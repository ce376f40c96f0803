import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../../db/index.ts";
import { InitiativesError } from "../errors.ts";
import { getFund } from "./fund-account.ts";
import type { Fund, FundApplication } from "./rules.ts";

/**
 * Every change to an application starts by locking its row, then (for money) the fund's account: always in that
 * order, so two staff members acting on one application are decided one after the other, without deadlocks.
 */
export async function lockApplication(
  tx: Tx,
  o: { tenantId: string; applicationId: string },
): Promise<{ application: FundApplication; fund: Fund }> {
  const { fundApplications: applications } = schema;
  const [application] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.tenantId, o.tenantId), eq(applications.id, o.applicationId)))
    .for("update");
  if (!application) throw new InitiativesError("initiatives.fund-application-not-found");
  return { application, fund: await getFund(tx, { tenantId: o.tenantId, fundId: application.fundId }) };
}

export async function updateApplication(
  tx: Executor,
  application: FundApplication,
  values: Partial<typeof schema.fundApplications.$inferInsert>,
): Promise<FundApplication> {
  const { fundApplications: applications } = schema;
  const [updated] = await tx
    .update(applications)
    .set(values)
    .where(and(eq(applications.tenantId, application.tenantId), eq(applications.id, application.id)))
    .returning();
  return updated!;
}

/** Files (already stored uploads) attached to an application: its documents, or the report's receipts and photos. */
export async function attachFiles(
  tx: Executor,
  application: FundApplication,
  files: ReadonlyArray<{ purpose: string; uploadId: string }>,
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.insert(schema.fundApplicationFiles).values(
    files.map((f) => ({
      tenantId: application.tenantId,
      applicationId: application.id,
      purpose: f.purpose,
      uploadId: f.uploadId,
      createdAt: now,
    })),
  );
}

export async function documentPurposes(tx: Executor, application: FundApplication): Promise<string[]> {
  const { fundApplicationFiles: files } = schema;
  const rows = await tx
    .select({ purpose: files.purpose })
    .from(files)
    .where(and(eq(files.tenantId, application.tenantId), eq(files.applicationId, application.id)));
  return rows.map((row) => row.purpose);
}
