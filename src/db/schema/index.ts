export * from "./app-role.ts";
export * from "./following.ts";
export * from "./identity.ts";
export * from "./phases.ts";
export * from "./platform.ts";
export * from "./programme.ts";
export * from "./tenancy.ts";
