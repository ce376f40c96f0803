/**
 * Inserts a row that a form's idempotency key names, once: the insert skips on the key's unique index (ON CONFLICT
 * DO NOTHING), and a repeat gets the row the first submit made. `created` tells the caller whether to audit and mail.
 */
export async function insertOnce<Row>(
  insert: () => Promise<Row[]>,
  findByKey: () => Promise<Row[]>,
): Promise<{ row: Row; created: boolean }> {
  const [inserted] = await insert();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await findByKey();
  if (!existing) throw new Error("insertOnce: the insert was skipped but no row has the key");
  return { row: existing, created: false };
}
