/**
 * Areas: a municipality's kernen or wijken and their buurten, with CBS codes and residents (issue 10, shared with
 * budgeting and initiatives). Other contexts use only what is exported here.
 */
export { countResidents } from "./count-residents.ts";
export { AreasError, type AreasErrorCode, type ImportProblem, type ImportProblemReason } from "./errors.ts";
export { findArea, findAreaByCode } from "./find-area.ts";
export { findAreaByPostcode, normalisePostcode } from "./find-area-by-postcode.ts";
export {
  type DistrictKind,
  type ImportCbsAreasOptions,
  type ImportResult,
  importCbsAreas,
} from "./import-cbs-areas.ts";
export { type ImportPostcodesResult, importPostcodes } from "./import-postcodes.ts";
export { type Area, type AreaKind, listAreas, listChildAreas } from "./list-areas.ts";
export { decodeCsv } from "./read-csv.ts";
