import { describe, expect, it } from "vitest";
import { reservedSlugs } from "../src/domain/tenancy/index.ts";
import routes from "./routes.ts";

describe("route table", () => {
  it("reserves every static first path segment, so no municipality's slug can hide behind a platform page", () => {
    const firstSegments = routes
      .map((route) => route.path?.split("/")[0])
      .filter((segment): segment is string => Boolean(segment) && !segment!.startsWith(":") && segment !== "*");
    expect(firstSegments.length).toBeGreaterThan(0);
    expect(firstSegments.filter((segment) => !reservedSlugs.has(segment))).toEqual([]);
  });
});
