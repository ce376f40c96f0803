import { type Database, withTenant } from "../db/index.ts";
import { importCbsAreas, importPostcodes } from "../domain/areas/index.ts";

/**
 * The demo municipalities' areas, written as the CBS file a municipality would import, and imported through the
 * same use case. The codes are fictional (CBS municipality numbers stop well below 9000) but have the CBS form.
 */
type DemoDistrict = { name: string; buurten: ReadonlyArray<readonly [name: string, residents: number]> };

/** Veenhoven, a merged municipality in Drenthe: twelve kernen, each with its village and its countryside. */
const veenhovenKernen: readonly DemoDistrict[] = [
  {
    name: "Veenhoven",
    buurten: [
      ["Veenhoven-Centrum", 3120],
      ["Veenhoven-Noord", 2480],
      ["Veenhoven-Buitengebied", 410],
    ],
  },
  {
    name: "Aldeveen",
    buurten: [
      ["Aldeveen-Dorp", 1340],
      ["Aldeveen-Buitengebied", 215],
    ],
  },
  {
    name: "Brinkhorst",
    buurten: [
      ["Brinkhorst-Dorp", 960],
      ["Brinkhorst-Buitengebied", 180],
    ],
  },
  {
    name: "Donderwolde",
    buurten: [
      ["Donderwolde-Dorp", 720],
      ["Donderwolde-Buitengebied", 140],
    ],
  },
  {
    name: "Eexterhoek",
    buurten: [
      ["Eexterhoek-Dorp", 1105],
      ["Eexterhoek-Buitengebied", 230],
    ],
  },
  {
    name: "Geelbroek",
    buurten: [
      ["Geelbroek-Dorp", 455],
      ["Geelbroek-Buitengebied", 95],
    ],
  },
  {
    name: "Holsterveld",
    buurten: [
      ["Holsterveld-Dorp", 1890],
      ["Holsterveld-Buitengebied", 260],
    ],
  },
  {
    name: "Kampervenen",
    buurten: [
      ["Kampervenen-Dorp", 640],
      ["Kampervenen-Buitengebied", 120],
    ],
  },
  {
    name: "Lunterwolde",
    buurten: [
      ["Lunterwolde-Dorp", 380],
      ["Lunterwolde-Buitengebied", 75],
    ],
  },
  {
    name: "Nijeveld",
    buurten: [
      ["Nijeveld-Dorp", 1215],
      ["Nijeveld-Buitengebied", 190],
    ],
  },
  {
    name: "Oosterbrink",
    buurten: [
      ["Oosterbrink-Dorp", 830],
      ["Oosterbrink-Buitengebied", 155],
    ],
  },
  {
    name: "Witteveen",
    buurten: [
      ["Witteveen-Dorp", 545],
      ["Witteveen-Buitengebied", 110],
    ],
  },
];

/** Dijkstad, a town in Zuid-Holland: five wijken with their buurten. */
const dijkstadWijken: readonly DemoDistrict[] = [
  {
    name: "Centrum",
    buurten: [
      ["Binnenstad", 4210],
      ["Havenkwartier", 3380],
      ["Stationsbuurt", 2650],
    ],
  },
  {
    name: "Dijkstad-Noord",
    buurten: [
      ["Molenwijk", 5120],
      ["Vogelbuurt", 4470],
    ],
  },
  {
    name: "Polderzoom",
    buurten: [
      ["Polderzoom-Oost", 3890],
      ["Polderzoom-West", 3605],
      ["Bedrijventerrein De Zoom", 40],
    ],
  },
  {
    name: "Westerpark",
    buurten: [
      ["Parkbuurt", 4730],
      ["Bloemenbuurt", 3980],
    ],
  },
  {
    name: "Rivierzijde",
    buurten: [
      ["Kade", 2290],
      ["Uiterwaarden", 310],
    ],
  },
];

export const demoAreaFiles = {
  dijkstad: { code: "9001", name: "Dijkstad", districtKind: "wijk", districts: dijkstadWijken },
  veenhoven: { code: "9002", name: "Veenhoven", districtKind: "kern", districts: veenhovenKernen },
} as const;

/** A Kerncijfers wijken en buurten file as the CBS publishes it (StatLine columns, padded codes, semicolons). */
export function cbsFile(municipality: { code: string; name: string; districts: readonly DemoDistrict[] }): string {
  const lines = [`"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5"`];
  const total = municipality.districts.flatMap((d) => d.buurten).reduce((sum, [, residents]) => sum + residents, 0);
  const row = (name: string, kind: string, code: string, residents: number) =>
    `${lines.length};"${name}";"${municipality.name}";"${kind.padEnd(10)}";"${code.padEnd(10)}";"${residents}"`;
  lines.push(row(municipality.name, "Gemeente", `GM${municipality.code}`, total));
  municipality.districts.forEach((district, d) => {
    const wijk = `${municipality.code}${String(d + 1).padStart(2, "0")}`;
    const residents = district.buurten.reduce((sum, [, n]) => sum + n, 0);
    lines.push(row(district.name, "Wijk", `WK${wijk}`, residents));
    district.buurten.forEach(([name, n], b) => {
      lines.push(row(name, "Buurt", `BU${wijk}${String(b).padStart(2, "0")}`, n));
    });
  });
  return `${lines.join("\r\n")}\r\n`;
}

/** A few postcodes per municipality, enough to find a buurt by postcode in the demo. */
const demoPostcodes = {
  dijkstad: "PC6;Buurt2024\n2801AA;BU90010100\n2801AB;BU90010101\n2803CD;BU90010200\n2805EF;BU90010400\n",
  veenhoven: "PC6;Buurt2024\n7941AA;BU90020100\n7941AB;BU90020101\n7945BC;BU90020200\n7948DE;BU90020700\n",
} as const;

/** Imports both demo municipalities' areas and postcodes; returns how many areas were made. */
export async function seedAreas(db: Database, tenantIds: ReadonlyMap<string, string>, now: Date): Promise<number> {
  let count = 0;
  for (const slug of ["dijkstad", "veenhoven"] as const) {
    const tenantId = tenantIds.get(slug)!;
    const file = demoAreaFiles[slug];
    await withTenant(db, { tenantId }, async (tx) => {
      const result = await importCbsAreas(tx, {
        tenantId,
        actorPersonId: null,
        text: cbsFile(file),
        districtKind: file.districtKind,
        now,
      });
      if (result.status !== "imported") throw new Error(`demo areas of ${slug}: ${JSON.stringify(result.problems)}`);
      count += result.created;
      const postcodes = await importPostcodes(tx, { tenantId, actorPersonId: null, text: demoPostcodes[slug] });
      if (postcodes.status !== "imported") throw new Error(`demo postcodes of ${slug}: ${JSON.stringify(postcodes)}`);
    });
  }
  return count;
}
