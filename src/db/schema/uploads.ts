import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const uploadVisibilities = ["public", "internal"] as const;

/**
 * A file a tenant's people sent in (a receipt, a council document, a photo), kept in the database so it shares the
 * tenant's row-level security, backups and transactions. Its type was sniffed from its first bytes, never taken
 * from the browser. `internal` files are served only to the tenant's staff and council members.
 */
export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    fileName: text("file_name").notNull(),
    /** For photos: the text a screen reader reads instead. */
    altText: text("alt_text"),
    visibility: text("visibility", { enum: uploadVisibilities }).notNull(),
    data: bytea("data").notNull(),
    createdById: uuid("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("uploads_tenant_idx").on(t.tenantId, t.createdAt),
    index("uploads_created_by_idx").on(t.createdById),
    tenantIsolation("uploads"),
  ],
).enableRLS();
