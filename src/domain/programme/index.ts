export {
  type AddMeetingSlotOptions,
  addMeetingSlot,
  type MeetingSlot,
  type MeetingSlotKind,
} from "./add-meeting-slot.ts";
export { type AddSupervisorOptions, addSupervisor, type Supervisor } from "./add-supervisor.ts";
export {
  type CreateTrajectoryOptions,
  createTrajectory,
  type TargetGroup,
  type Trajectory,
  targetGroups,
} from "./create-trajectory.ts";
export { type GetMeetingOptions, getMeeting, type MeetingDetails, type ProgrammeSlot } from "./get-meeting.ts";
export { type GetTrajectoryOptions, getTrajectory, type TrajectoryDetails } from "./get-trajectory.ts";
export { type ListMeetingsOptions, listDesignSessions, listMeetings, type MeetingSummary } from "./list-meetings.ts";
export {
  type ListTrajectoriesOptions,
  listTrajectories,
  listTrajectoryThemes,
  type TrajectorySummary,
} from "./list-trajectories.ts";
export { type GetWorkshopOptions, getWorkshop, listWorkshops } from "./list-workshops.ts";
export { type PublishWorkshopOptions, publishWorkshop, type Workshop } from "./publish-workshop.ts";
export {
  type Meeting,
  type MeetingKind,
  meetingKinds,
  type ScheduleMeetingOptions,
  scheduleMeeting,
} from "./schedule-meeting.ts";

/** Every code this context throws; the web layer's message table is checked against it. */
export type ProgrammeErrorCode =
  | "programme.not-programme-tenant"
  | "programme.invalid-slug"
  | "programme.missing-text"
  | "programme.not-positive"
  | "programme.invalid-date"
  | "programme.ends-before-start"
  | "programme.max-below-min"
  | "programme.slug-taken"
  | "programme.trajectory-not-found"
  | "programme.meeting-not-found"
  | "programme.unknown-meeting-kind"
  | "programme.track-needs-capacity"
  | "programme.slot-outside-meeting"
  | "programme.no-target-group";
