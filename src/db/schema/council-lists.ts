/** Pure lists (no database driver): the schema types its columns with them, and forms in the browser offer them. */

/** dorpsraad, wijkraad, buurtraad, gebiedscommissie, wijkplatform. */
export const councilKinds = [
  "village-council",
  "district-council",
  "neighbourhood-council",
  "area-committee",
  "district-platform",
] as const;

/** An association (vereniging, stichting) the municipality recognises, or an advisory committee set up by ordinance. */
export const councilBases = ["association", "ordinance"] as const;

/** voorzitter, secretaris, penningmeester, lid. */
export const councilRoles = ["chair", "secretary", "treasurer", "member"] as const;
