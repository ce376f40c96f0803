import { type Database, withTenant } from "../db/index.ts";
import { getRound } from "../domain/budgeting/index.ts";
import { listAdvice } from "../domain/councils/index.ts";
import {
  addMoment,
  createProcess,
  getProcess,
  processPhases,
  publishFeedback,
  publishProcess,
  setParticipationRule,
  updateMoment,
  updateProcess,
} from "../domain/processes/index.ts";
import { addDays, advanceDuePhases, dutchDateOf, dutchTime } from "../domain/shared/index.ts";

/**
 * Veenhoven: the Dorpsvisie Veenhoven 2030, mid-process (writing the vision) with the village evening's feedback
 * published point by point, under the ordinance's rule for village visions. While the vision is written, the
 * Dorpsraad Aldeveen's open advice request on the kernenbeleid is one of its moments of influence (the card shows
 * its deadline, the advice register links back); it runs from the request to the advice's deadline. Dijkstad: the burgerbegroting as a
 * process whose decision phase is its round (voting now). Dates count from `now`, so the demo is always mid-process.
 */
export async function seedProcesses(
  db: Database,
  tenantIds: ReadonlyMap<string, string>,
  { now, publicUrl }: { now: Date; publicUrl: string },
) {
  const today = dutchDateOf(now);
  let count = 0;
  const veenhoven = tenantIds.get("veenhoven");
  if (veenhoven) {
    await withTenant(db, { tenantId: veenhoven }, async (tx) => {
      const tenantId = veenhoven;
      await setParticipationRule(tx, {
        tenantId,
        decisionKind: "dorpsvisie",
        label: "Dorpsvisie of kernvisie",
        needsPlan: true,
        minimumLevel: "coproduceren",
        actorPersonId: null,
      });
      await setParticipationRule(tx, {
        tenantId,
        decisionKind: "omgevingsvergunning",
        label: "Omgevingsvergunning buiten het omgevingsplan",
        needsPlan: true,
        minimumLevel: "raadplegen",
        actorPersonId: null,
      });
      const { id } = await createProcess(tx, {
        tenantId,
        template: "dorpsvisie",
        title: "Dorpsvisie Veenhoven 2030",
        startsOn: addDays(today, -100),
        responsible: "Team Leefomgeving, gemeente Veenhoven",
        actorPersonId: null,
        now,
      });
      await updateProcess(tx, {
        tenantId,
        processId: id,
        title: "Dorpsvisie Veenhoven 2030",
        description:
          "Samen met inwoners schrijven we op hoe Veenhoven er in 2030 uitziet: wonen, groen, voorzieningen en verkeer. De dorpsraad en een werkgroep van inwoners schrijven mee.",
        fixed:
          "Het budget voor het schrijven (€ 25.000). De regels van het omgevingsplan. Het besluit van de raad uit 2024 over de nieuwe school.",
        open: "Wat er in de visie staat: waar nieuwe huizen komen, wat er met het dorpsplein gebeurt en hoe we het groen beschermen.",
        decisionKind: "dorpsvisie",
        decidedBy: "council",
        responsible: "Team Leefomgeving, gemeente Veenhoven",
        actorPersonId: null,
      });
      await publishProcess(tx, {
        tenantId,
        tenantSlug: "veenhoven",
        processId: id,
        acceptFlags: false,
        actorPersonId: null,
        now,
      });
      await advanceDuePhases(tx, processPhases, { tenantId, subjectId: id, now });
      const process = (await getProcess(tx, { tenantId, id }))!;
      const evening = process.phases.flatMap((p) => p.moments).find((m) => m.title === "Dorpsavond")!;
      await publishFeedback(tx, {
        tenantId,
        momentId: evening.id,
        points: [
          {
            point: "Meer groen en bankjes op het dorpsplein",
            outcome: "taken-over",
            reason: "Het dorpsplein wordt in de visie een groene ontmoetingsplek.",
          },
          {
            point: "Nieuwe huizen voor jongeren en ouderen",
            outcome: "partly",
            reason: "De visie noemt twee plekken voor kleine woningen; een derde plek past niet in het omgevingsplan.",
          },
          {
            point: "Een rondweg om het dorp",
            outcome: "not",
            reason: "Een rondweg is te duur voor de gemeente en de provincie beslist erover, niet de gemeente.",
          },
        ],
        processUrl: `${publicUrl}/veenhoven/processen/${process.slug}`,
        unsubscribeBase: `${publicUrl}/veenhoven/volgen/afmelden`,
        actorPersonId: null,
        now,
      });
      // A request has these three dates (a check of the advice table).
      const open = (await listAdvice(tx, { tenantId })).find((a) => a.status === "requested")!;
      const [requestedAt, dueOn] = [open.requestedAt!, open.adviceDueOn!];
      await addMoment(tx, {
        tenantId,
        tenantSlug: "veenhoven",
        phaseId: process.phases.find((p) => p.stage === "design")!.id,
        title: "Advies van de dorpsraad over het kernenbeleid",
        subject: "Wat de dorpsvisie betekent voor de voorzieningen in het kernenbeleid 2027–2030",
        method: "council-advice",
        methodDetail: "Adviesaanvraag aan de Dorpsraad Aldeveen.",
        adviceId: open.id,
        opensAt: requestedAt,
        closesAt: dutchTime(dueOn, "17:00"),
        feedbackOn: addDays(dueOn, 28),
        feedbackHow:
          "De gemeente laat per punt weten wat zij met het advies doet, in het adviesregister en op deze pagina.",
        idempotencyKey: "demo-dorpsvisie-advies-kernenbeleid",
        actorPersonId: null,
        now,
      });
    });
    count += 1;
  }
  const dijkstad = tenantIds.get("dijkstad");
  if (dijkstad) {
    await withTenant(db, { tenantId: dijkstad }, async (tx) => {
      const tenantId = dijkstad;
      const round = await getRound(tx, { tenantId, slug: "burgerbegroting-2026" });
      // The template's decision phase (voting) starts on day 100: the process is there today, as the round is.
      const { id } = await createProcess(tx, {
        tenantId,
        template: "burgerbegroting",
        title: "Burgerbegroting Dijkstad 2026",
        startsOn: addDays(today, -105),
        responsible: "Team Wijken, gemeente Dijkstad",
        actorPersonId: null,
        now,
      });
      const process = (await getProcess(tx, { tenantId, id }))!;
      const voting = process.phases.find((p) => p.stage === "decision")!.moments[0]!;
      await updateMoment(tx, {
        tenantId,
        tenantSlug: "dijkstad",
        momentId: voting.id,
        expectedVersion: voting.version,
        title: voting.title,
        subject: voting.subject,
        method: "pb-round",
        methodDetail: voting.methodDetail,
        budgetRoundId: round.id,
        opensAt: voting.opensAt,
        closesAt: voting.closesAt,
        feedbackOn: voting.feedbackOn,
        feedbackHow: voting.feedbackHow,
        actorPersonId: null,
        now,
      });
      await publishProcess(tx, {
        tenantId,
        tenantSlug: "dijkstad",
        processId: id,
        acceptFlags: false,
        actorPersonId: null,
        now,
      });
      await advanceDuePhases(tx, processPhases, { tenantId, subjectId: id, now });
    });
    count += 1;
  }
  return count;
}
