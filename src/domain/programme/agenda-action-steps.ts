import type { AgendaItem } from "./list-learning-agendas.ts";

export type ActionStatus = AgendaItem["status"];

const following: Readonly<Record<ActionStatus, ActionStatus | null>> = {
  open: "in-progress",
  "in-progress": "done",
  done: null,
};

/** A local action goes open → in progress → done; the page offers the next step only, and none when done. */
export const nextActionStatus = (status: ActionStatus): ActionStatus | null => following[status];
