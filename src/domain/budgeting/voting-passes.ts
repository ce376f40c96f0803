import { createHmac } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { enqueueMail, type MailLocale } from "../../mail/index.ts";
import { findPhaseTrack, hashToken, minutesAfter, newToken, normaliseEmail } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { roundPhases } from "./round-phases.ts";
import type { IdentificationMethod } from "./rules.ts";

/** A mailed link works for a day: long enough to read the mail in the evening, short enough to lose its worth. */
export const EMAIL_PASS_MINUTES = 24 * 60;
/** After DigiD the ballot opens at once; half an hour is ample to fill it in. */
export const OIDC_PASS_MINUTES = 30;

/** What is not an address is refused, so nothing is stored for it; the mailed link is the real test of one. */
const isAddress = (email: string) => email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email);

/**
 * The register's key for a voter who identified by e-mail or OpenID Connect: HMAC-SHA-256 under the configured key,
 * so the register cannot be searched by hashing a list of addresses or subjects without that key (ADR 0037).
 */
export function voterKeyOf(key: string, voter: { email: string } | { issuer: string; subject: string }): string {
  const [kind, material] = "email" in voter ? ["email", voter.email] : ["oidc", `${voter.issuer}|${voter.subject}`];
  return `${kind}:${createHmac("sha256", key).update(`pb-voter|${kind}|${material}`).digest("hex")}`;
}

/** The round by slug, open for voting and identifying its voters the way asked; refused otherwise. */
async function roundIdentifyingBy(
  tx: Executor,
  o: { tenantId: string; roundSlug: string },
  method: IdentificationMethod,
) {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug });
  if (round.eligibility.identification !== method) throw new BudgetingError("budgeting.wrong-identification");
  const track = await findPhaseTrack(tx, roundPhases, { tenantId: o.tenantId, subjectId: round.id });
  if (track?.phase !== "voting") throw new BudgetingError("budgeting.voting-closed");
  return round;
}

async function issuePass(
  tx: Executor,
  o: { tenantId: string; roundId: string; voterKey: string; minutes: number; now: Date },
): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(schema.pbVotingPasses).values({
    tokenHash: hash,
    tenantId: o.tenantId,
    roundId: o.roundId,
    voterKey: o.voterKey,
    expiresAt: minutesAfter(o.now, o.minutes),
  });
  return token;
}

export type RequestVotingLinkOptions = {
  tenantId: string;
  roundSlug: string;
  /** The address as typed; refused when it is not one. */
  email: string;
  key: string;
  /** The voting page's address with the pass in it, for the mail. */
  ballotUrl: (pass: string) => string;
  locale: MailLocale;
  now: Date;
};

/**
 * Mails a single-use link to the round's ballot. The same whether the address has voted or not: the page behind the
 * link says so, so the form tells its visitor nothing about an address. Only the pass's hash and the address's keyed
 * hash are stored; the address itself goes only into the mail job, whose payload the queue clears once sent.
 */
export async function requestVotingLink(tx: Tx, o: RequestVotingLinkOptions): Promise<void> {
  const email = normaliseEmail(o.email);
  if (!isAddress(email)) throw new BudgetingError("budgeting.email-invalid");
  const round = await roundIdentifyingBy(tx, o, "email");
  const pass = await issuePass(tx, {
    tenantId: o.tenantId,
    roundId: round.id,
    voterKey: voterKeyOf(o.key, { email }),
    minutes: EMAIL_PASS_MINUTES,
    now: o.now,
  });
  await enqueueMail(
    tx,
    {
      to: email,
      locale: o.locale,
      template: "pb-voting-link",
      params: { round: round.title, url: o.ballotUrl(pass), hours: EMAIL_PASS_MINUTES / 60 },
    },
    { runAt: o.now },
  );
}

/**
 * A pass for the voter DigiD (the OpenID provider) signed in: only the pseudonymous `sub` with its issuer is used, as
 * a keyed hash. No person, session or account is made.
 */
export async function issueOidcPass(
  tx: Tx,
  o: { tenantId: string; roundSlug: string; issuer: string; subject: string; key: string; now: Date },
): Promise<string> {
  if (!o.subject || !o.issuer) throw new BudgetingError("budgeting.pass-invalid");
  const round = await roundIdentifyingBy(tx, o, "oidc");
  return issuePass(tx, {
    tenantId: o.tenantId,
    roundId: round.id,
    voterKey: voterKeyOf(o.key, { issuer: o.issuer, subject: o.subject }),
    minutes: OIDC_PASS_MINUTES,
    now: o.now,
  });
}

/**
 * The voter a pass stands for: `pass-invalid` for an unknown, used or expired pass, and `already-voted` when the voter
 * is in the register, so that they learn it before filling in the ballot.
 */
export async function openVotingPass(
  tx: Executor,
  o: { tenantId: string; roundId: string; pass: string; now: Date },
): Promise<{ voterKey: string }> {
  const passes = schema.pbVotingPasses;
  const register = schema.pbVoterRegister;
  const [row] = await tx
    .select({ voterKey: passes.voterKey, votedOn: register.votedOn })
    .from(passes)
    .leftJoin(register, and(eq(register.roundId, passes.roundId), eq(register.voterKey, passes.voterKey)))
    .where(
      and(
        eq(passes.tenantId, o.tenantId),
        eq(passes.roundId, o.roundId),
        eq(passes.tokenHash, hashToken(o.pass)),
        gt(passes.expiresAt, o.now),
      ),
    );
  if (!row) throw new BudgetingError("budgeting.pass-invalid");
  if (row.votedOn !== null) throw new BudgetingError("budgeting.already-voted");
  return { voterKey: row.voterKey };
}

/**
 * Uses up a pass inside the casting transaction: the delete's condition decides between two casts with one pass.
 * Rolled back with the cast when the voter turns out to have voted already.
 */
export async function takeVotingPass(
  tx: Tx,
  o: { tenantId: string; roundId: string; pass: string; now: Date },
): Promise<{ voterKey: string }> {
  const passes = schema.pbVotingPasses;
  const [row] = await tx
    .delete(passes)
    .where(
      and(
        eq(passes.tenantId, o.tenantId),
        eq(passes.roundId, o.roundId),
        eq(passes.tokenHash, hashToken(o.pass)),
        gt(passes.expiresAt, o.now),
      ),
    )
    .returning({ voterKey: passes.voterKey });
  if (!row) throw new BudgetingError("budgeting.pass-invalid");
  return row;
}
