/** Pure lists (no database driver): the schema types its columns with them, and forms in the browser offer them. */

/** The participation ladder of the participation ordinances (Olst-Wijhe, Bodegraven-Reeuwijk, …), lowest first. */
export const ladderLevels = ["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"] as const;
/** The stages a democratic process goes through, in this order; a process uses some or all of them. */
export const processStages = ["set-up", "ideas", "design", "decision", "realisation", "evaluation"] as const;
export const deciders = ["council", "executive", "mayor"] as const;
/** How residents can have their say at a moment of influence; the last three are other instruments. */
export const momentMethods = ["meeting", "survey", "online", "pb-round", "council-advice", "fund-round"] as const;
export const feedbackOutcomes = ["taken-over", "partly", "not"] as const;
