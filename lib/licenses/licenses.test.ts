import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { seedDatabase } from "@/lib/demo-data/seed";
import { choiceFor, LICENSE_PRESETS, licenseChoiceSchema, PRESET_LICENSE_IDS, readLicense, resolveLicense } from "./licenses";

describe("license presets", () => {
  it("every preset resolves to its fixed rights, reads back unchanged and comes back to the editor as its id", () => {
    for (const id of PRESET_LICENSE_IDS) {
      const license = resolveLicense(licenseChoiceSchema.parse({ id }));
      expect(license).toMatchObject({ id, name: LICENSE_PRESETS[id].name, commercialUse: LICENSE_PRESETS[id].commercialUse });
      expect(license).not.toHaveProperty("summary");
      expect(readLicense(JSON.parse(JSON.stringify(license)))).toEqual(license);
      expect(choiceFor(license)).toEqual({ id });
    }
  });

  it("the non-commercial presets say so, and the permissive ones allow commercial use with credit", () => {
    expect(LICENSE_PRESETS["agora-standard-personal"]).toMatchObject({ commercialUse: false, resaleOfOutputs: false });
    expect(LICENSE_PRESETS["cc-by-nc-4.0"]).toMatchObject({ commercialUse: false, creditRequired: true });
    for (const id of ["cc-by-4.0", "mit", "apache-2.0"] as const) expect(LICENSE_PRESETS[id]).toMatchObject({ commercialUse: true, creditRequired: true });
  });

  it("a preset choice can't override its rights; custom terms need a name, terms and every flag", () => {
    expect(resolveLicense(licenseChoiceSchema.parse({ id: "cc-by-nc-4.0", commercialUse: true }))).toMatchObject({ commercialUse: false });
    expect(licenseChoiceSchema.safeParse({ id: "custom", name: "Mine", terms: "Use it however you like, credit me." }).success).toBe(false);
    expect(licenseChoiceSchema.safeParse({ id: "nope" }).success).toBe(false);
  });

  it("an unreadable stored value is no license", () => {
    expect(readLicense(null)).toBeNull();
    expect(readLicense({ id: "mit" })).toBeNull();
    expect(readLicense({ id: "gpl", name: "GPL", commercialUse: true, derivatives: true, resaleOfOutputs: true, creditRequired: true })).toBeNull();
  });

  it("the migration's default for existing versions is exactly the Agora standard personal preset", () => {
    const migration = readFileSync(join(process.cwd(), "drizzle/0020_listing_search_commercial_use.sql"), "utf8");
    const stored = /SET license = '(.*?)'::jsonb/s.exec(migration)?.[1];
    expect(readLicense(JSON.parse(stored ?? "null"))).toEqual(resolveLicense({ id: "agora-standard-personal" }));
  });

  it("the demo catalog has licenses on every version, and search's commercial_use follows them", async () => {
    const { db } = testDatabase();
    await seedDatabase(db, { listings: 60 });
    const [counts] = await queryRows<{ missing: number; commercial: number; mismatched: number }>(
      db,
      sql`select (select count(*)::int from listing_versions where license is null) as missing,
                 (select count(*)::int from listing_search where commercial_use) as commercial,
                 (select count(*)::int from listing_search s join listings l on l.id = s.listing_id join listing_versions v on v.id = l.current_version_id
                   where s.commercial_use <> (v.license->>'commercialUse')::boolean) as mismatched`,
    );
    expect(counts).toEqual({ missing: 0, commercial: expect.any(Number), mismatched: 0 });
    expect(counts.commercial).toBeGreaterThan(0);
  });
});
