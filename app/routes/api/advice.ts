import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { Advice } from "../../api/schemas.ts";
import { readAdviceRegister } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import type { Route } from "./+types/advice";

const term = (length: number | null, unit: "calendar-days" | "weeks" | "working-days" | null) =>
  length && unit ? { length, unit } : null;

/** `advice?year=YYYY`: each advice with its dates, deadlines, response, `late` and public files; never a person. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const asked = new URL(request.url).searchParams.get("year");
  if (asked !== null && !/^(20\d\d|2100)$/.test(asked)) return problem(400, "year must be YYYY");
  const now = new Date();
  const register = await readMunicipalityForApi(context, params.slug, (tx, tenantId) =>
    readAdviceRegister(tx, tenantId, now, { year: asked === null ? undefined : Number(asked) }),
  );
  if (!register) return problem(404, "Municipality not found");
  const files = `${services(context).config.publicUrl}/${params.slug}/bestanden`;
  return sendList(
    Advice,
    register.rows.map((row) => ({
      id: row.id,
      councilId: row.councilId,
      council: row.councilName,
      year: row.year,
      kind: row.kind,
      status: row.status,
      subject: row.subject,
      question: row.question,
      requestedOn: row.requestedOn,
      adviceTerm: term(row.adviceTermLength, row.adviceTermUnit),
      adviceDueOn: row.adviceDueOn,
      advice: row.adviceText,
      advisedOn: row.advisedOn,
      responseTerm: term(row.responseTermLength, row.responseTermUnit),
      responseDueOn: row.responseDueOn,
      response:
        row.outcome && row.reasons !== null && row.respondedOn
          ? { outcome: row.outcome, reasons: row.reasons, respondedOn: row.respondedOn }
          : null,
      adviceLate: row.timing.adviceLate,
      overdue: row.timing.responseOverdue,
      late: row.timing.late,
      attachments: row.files.map((file) => ({
        side: file.side,
        name: file.fileName,
        size: file.byteSize,
        contentType: "application/pdf" as const,
        url: `${files}/${file.uploadId}`,
      })),
    })),
  );
}
