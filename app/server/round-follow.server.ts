import { type RouterContextProvider, redirect } from "react-router";
import type { z } from "zod";
import type { Tx } from "../../src/db/index.ts";
import type { followForm, followOneOfForm } from "../forms/following.ts";
import type { Locale } from "../i18n/define-messages.ts";
import { budgetingErrors, inTenant, municipalityOf, orNotFound } from "./budgeting.server.ts";
import { services } from "./context.ts";
import { followLinks } from "./following.server.ts";
import {
  type DomainErrorAnswer,
  forForm,
  invalidForm,
  parseFormData,
  readForm,
  replyWithDomainError,
} from "./forms.server.ts";
import { localeOf } from "./locale.server.ts";
import { limitMailingForm } from "./rate-limits.server.ts";

export type FollowRequest<Value> = {
  tenantId: string;
  roundSlug: string;
  value: Value;
  email: string;
  locale: Locale;
  linkFor: (token: string) => string;
  now: Date;
};

/**
 * The follow forms of a round's pages (the round, its funded plans; ADR 0011): the address is checked and its mails
 * rate-limited, `follow` starts the double opt-in in the municipality's tenant, and the visitor goes back to `here`
 * with the notice. A bot that filled in the hidden field gets the same answer, and no mail goes out.
 */
export async function answerRoundFollowForm<Schema extends typeof followForm | typeof followOneOfForm>(
  args: { request: Request; context: Readonly<RouterContextProvider>; params: { gemeente: string; ronde: string } },
  o: {
    schema: Schema;
    /** The rate limit's name. */
    limit: string;
    here: string;
    errors?: Record<string, DomainErrorAnswer>;
    follow: (tx: Tx, request: FollowRequest<z.output<Schema>>) => Promise<void>;
  },
) {
  const { request, context, params } = args;
  const submission = parseFormData(await readForm(request), o.schema);
  if (submission.status !== "success") return forForm("follow", invalidForm(submission.reply()));
  const value = submission.value as z.output<Schema>;
  const tenant = await municipalityOf(context, params.gemeente);
  if (value.website) return redirect(o.here);
  try {
    await limitMailingForm(context, o.limit, value.email);
    const locale = await localeOf(request);
    await orNotFound(
      inTenant(context, tenant.id, (tx) =>
        o.follow(tx, {
          tenantId: tenant.id,
          roundSlug: params.ronde,
          value,
          email: value.email,
          locale,
          linkFor: followLinks(context, params.gemeente).confirm,
          now: new Date(),
        }),
      ),
    );
  } catch (error) {
    const errors = {
      ...budgetingErrors,
      "identity.rate-limited": { status: 429, message: "identity.error.rateLimited" },
      ...o.errors,
    } satisfies Record<string, DomainErrorAnswer>;
    return forForm("follow", replyWithDomainError(error, submission, errors));
  }
  services(context).queue.wake();
  return redirect(o.here);
}
