import { describe, expect, it } from "vitest";
import { describeDevice } from "./device.server.ts";

describe("describeDevice", () => {
  it("names the browser with its major version and the system", () => {
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")).toEqual({
      browser: "Firefox 128",
      system: "Windows 10",
    });
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Safari 17", system: "iOS 17.5" });
  });

  it("gives nothing for a missing or meaningless User-Agent", () => {
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice("")).toBeNull();
    expect(describeDevice("???")).toBeNull();
  });
});
