import { listProcesses, positionOf } from "../../../src/domain/processes/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { ProcessSummary } from "../../api/schemas.ts";
import { processLinks } from "../../server/processes.server.ts";
import type { Route } from "./+types/processes";

/** Every published process of a municipality: its phases with their ladder level, moments and published feedback. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const processes = await readMunicipalityForApi(context, params.slug, (tx, tenantId) =>
    listProcesses(tx, { tenantId, publishedOnly: true }),
  );
  if (!processes) return problem(404, "Municipality not found");
  return sendList(
    ProcessSummary,
    processes.map((process) => {
      const links = processLinks(context, params.slug, process.slug);
      const { state, current } = positionOf(process);
      return {
        slug: process.slug,
        title: process.title,
        description: process.description,
        fixed: process.fixed,
        open: process.open,
        decidedBy: process.decidedBy,
        responsible: process.responsible,
        currentPhase: current?.stage ?? null,
        closed: state === "closed",
        url: links.absolute,
        cardPdf: links.absolutePdf,
        phases: process.phases.map((phase) => ({
          stage: phase.stage,
          title: phase.title,
          startsOn: phase.startsOn,
          endsOn: phase.endsOn,
          level: phase.level,
          participants: phase.participants,
          moments: phase.moments.map((moment) => ({
            id: moment.id,
            title: moment.title,
            subject: moment.subject,
            method: moment.method,
            methodDetail: moment.methodDetail,
            budgetRound: moment.round && {
              slug: moment.round.slug,
              title: moment.round.title,
              phase: moment.round.phase,
            },
            advice: moment.advice && {
              id: moment.advice.id,
              council: moment.advice.council,
              subject: moment.advice.subject,
              status: moment.advice.status,
              adviceDueOn: moment.advice.adviceDueOn,
            },
            fund: moment.fund && { slug: moment.fund.slug, name: moment.fund.name },
            opensAt: moment.opensAt.toISOString(),
            closesAt: moment.closesAt.toISOString(),
            feedbackOn: moment.feedbackOn,
            feedbackHow: moment.feedbackHow,
            feedbackPublishedAt: moment.feedbackPublishedAt?.toISOString() ?? null,
            feedback: moment.feedback.map(({ point, outcome, reason }) => ({ point, outcome, reason })),
          })),
        })),
      };
    }),
  );
}
