import { describe, expect, it } from "vitest";
import { fitLabel } from "./chart-label.tsx";

describe("fitLabel", () => {
  it("keeps a label that fits whole", () => {
    expect(fitLabel("Bibliotheekhoek in Aldeveen", 182)).toBe("Bibliotheekhoek in Aldeveen");
  });

  it("cuts a label that does not fit after its last whole word, with an ellipsis", () => {
    expect(fitLabel("Opknappen dorpshuis Witteveen", 182)).toBe("Opknappen dorpshuis…");
    expect(fitLabel("Opknappen van het dorpshuis in Witteveen", 182)).toBe("Opknappen van het dorpshuis…");
  });

  it("cuts one long word in the middle", () => {
    const label = fitLabel("Dorpshuisrenovatiewerkzaamhedenplan", 90);
    expect(label).toBe("Dorpshuisren…");
  });

  it("never gives more characters than the column holds", () => {
    const title = "Een nieuw wandelpad langs de dijk met bankjes, een uitkijkpunt en bordjes over de natuur";
    for (const width of [60, 120, 182, 400]) expect(fitLabel(title, width).length).toBeLessThanOrEqual(width / 6.5);
  });
});
