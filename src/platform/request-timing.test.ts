import { describe, expect, it } from "vitest";
import {
  countStatement,
  countTransaction,
  markRender,
  markRouter,
  takeTimings,
  timeRequest,
} from "./request-timing.ts";

describe("request timing", () => {
  it("counts the statements and transactions of each request apart, across awaits, and not BEGIN or COMMIT", async () => {
    takeTimings();
    const finished: (() => void)[] = [];
    const request = (label: string, statements: number) =>
      new Promise<void>((resolve) =>
        timeRequest(
          label,
          (listener) => finished.push(listener),
          async () => {
            countTransaction();
            countStatement("begin");
            markRouter();
            for (let i = 0; i < statements; i++) {
              await new Promise((r) => setTimeout(r, 1));
              countStatement("select 1");
            }
            countStatement("commit");
            markRender();
            resolve();
          },
        ),
      );
    await Promise.all([request("/a", 3), request("/b", 1), request("/a", 3)]);
    countStatement("select outside any request");
    for (const listener of finished) listener();

    const timings = takeTimings();
    expect(timings["/a"]).toMatchObject({ requests: 2, statements: 6, transactions: 2 });
    expect(timings["/b"]).toMatchObject({ requests: 1, statements: 1, transactions: 1 });
    expect(timings["/a"]!.loaderMs).toBeGreaterThan(0);
    expect(takeTimings()).toEqual({});
  });
});
