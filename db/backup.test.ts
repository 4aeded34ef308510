import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, backupTimestamp, integrityCheck, restoreDatabase } from "./backup";
import { openDatabase } from "./connection";
import { migrateToLatest } from "./migrator";
import { createAssessment } from "./repositories/assessments";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "readiness-backup-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function assessmentIds(file: string): Promise<string[]> {
  const db = openDatabase(`file:${file}`);
  try {
    const rows = await db.selectFrom("assessments").select("id").orderBy("id").execute();
    return rows.map((row) => row.id);
  } finally {
    await db.destroy();
  }
}

describe("backupDatabase and restoreDatabase", () => {
  it("back up a database while it is being written to, and restore it whole", async () => {
    const liveFile = path.join(dir, "live.sqlite");
    const live = openDatabase(`file:${liveFile}`);
    await migrateToLatest(live);
    for (let index = 0; index < 300; index += 1) {
      await createAssessment(live, { accessTokenHash: `seed-${index}`, questionnaireVersion: "2026-12" });
    }
    const before = (await assessmentIds(liveFile)).length;

    // Keep writing, on the app's own connection, for as long as the backup runs.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await createAssessment(live, { accessTokenHash: `live-${written}`, questionnaireVersion: "2026-12" });
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backupDir = path.join(dir, "backups");
    const result = await backupDatabase(liveFile, backupDir, new Date("2026-11-29T18:20:05.123Z"));
    writing = false;
    await writer;
    await live.destroy();
    // The database really was being written to while it was copied.
    expect(written).toBeGreaterThan(0);

    expect(result.file).toBe(path.join(backupDir, "live-2026-11-29T18-20-05Z.sqlite"));
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(1);
    // One finished, self-contained file: no partial copy, no -wal or -shm beside it.
    expect(readdirSync(backupDir)).toEqual(["live-2026-11-29T18-20-05Z.sqlite"]);
    expect(integrityCheck(result.file)).toBe("ok");

    const backedUp = await assessmentIds(result.file);
    const liveNow = await assessmentIds(liveFile);
    expect(backedUp.length).toBeGreaterThanOrEqual(before);
    expect(backedUp.length).toBeLessThanOrEqual(before + written);
    expect(liveNow.length).toBe(before + written);
    // Everything in the backup is in the live database: a consistent snapshot, not a mix.
    expect(backedUp.every((id) => liveNow.includes(id))).toBe(true);

    const restoredFile = path.join(dir, "restored", "app.sqlite");
    await restoreDatabase(result.file, restoredFile);
    expect(integrityCheck(restoredFile)).toBe("ok");
    expect(await assessmentIds(restoredFile)).toEqual(backedUp);
    // The restored database opens and migrates as the app would open it.
    const reopened = openDatabase(`file:${restoredFile}`);
    expect(await migrateToLatest(reopened)).toEqual([]);
    await reopened.destroy();
  });

  it("refuses to replace an existing database unless told to, then replaces it", async () => {
    const file = path.join(dir, "app.sqlite");
    const db = openDatabase(`file:${file}`);
    await migrateToLatest(db);
    await createAssessment(db, { accessTokenHash: "kept", questionnaireVersion: "2026-12" });
    const backup = await backupDatabase(file, path.join(dir, "backups"));
    await createAssessment(db, { accessTokenHash: "after-backup", questionnaireVersion: "2026-12" });
    await db.destroy();

    await expect(restoreDatabase(backup.file, file)).rejects.toThrow(/already a database .* --replace/);
    expect(await assessmentIds(file)).toHaveLength(2);
    await restoreDatabase(backup.file, file, { replace: true });
    expect(await assessmentIds(file)).toHaveLength(1);
    expect(integrityCheck(file)).toBe("ok");
  });

  it("refuses to restore something that is not one of the app's databases", async () => {
    const notSqlite = path.join(dir, "notes.sqlite");
    writeFileSync(notSqlite, "this is not a database".repeat(100));
    await expect(restoreDatabase(notSqlite, path.join(dir, "out.sqlite"))).rejects.toThrow(/not an SQLite database/);
    const other = path.join(dir, "other.sqlite");
    const db = openDatabase(`file:${other}`);
    await db.schema.createTable("t").addColumn("x", "text").execute();
    await db.destroy();
    await expect(restoreDatabase(other, path.join(dir, "out.sqlite"))).rejects.toThrow(/not one of this app's/);
    await expect(restoreDatabase(path.join(dir, "missing.sqlite"), path.join(dir, "out.sqlite"))).rejects.toThrow(
      /There is no backup/,
    );
    await expect(backupDatabase(path.join(dir, "missing.sqlite"), dir)).rejects.toThrow(/no database at/);
  });

  it("names backups by UTC time, in an order that sorts", () => {
    expect(backupTimestamp(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03-04-05Z");
  });
});
