import { takeTimings, timeRequest } from "../../src/platform/request-timing.ts";

/** What `work` did, and the statements it ran, counted as the request timing counts them (BEGIN and COMMIT apart). */
export const countStatements = <T>(work: () => Promise<T>) =>
  new Promise<{ result: PromiseSettledResult<T>; statements: number }>((resolve) => {
    let finish = () => {};
    timeRequest(
      "counted",
      (listener) => (finish = listener),
      () => {
        void Promise.allSettled([work()]).then(([result]) => {
          finish();
          resolve({ result: result!, statements: takeTimings().counted!.statements });
        });
      },
    );
  });
