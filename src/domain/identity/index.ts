export { type FindOrCreatePersonOptions, findOrCreatePerson, type Person } from "./find-or-create-person.ts";
export { type GrantRoleOptions, grantRole, type Role, roles } from "./grant-role.ts";
export { listMemberships, type Membership } from "./list-memberships.ts";
