/**
 * Vitest's global set-up: the demo, built once per version of the sources
 * (./template.ts), before any test file starts. On PostgreSQL it becomes a
 * template database, under an advisory lock so two runs sharing a server do
 * not build it at once.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildDemoDump, demoTemplateDatabase, sourceHash } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDump: string;
    demoTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const hash = sourceHash();
  // Workers are told which build to use: editing src/ during a run must not send them looking for another.
  project.provide('demoDump', await buildDemoDump(hash));
  project.provide('demoTemplate', demoTemplateDatabase(hash));
  const url = process.env.KDC_TEST_DATABASE_URL;
  if (!url) return;
  const name = demoTemplateDatabase(hash);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(727002)');
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) {
      await admin.query(`CREATE DATABASE ${name}`);
      const { openDatabase } = await import('../../src/db/client');
      const { loadDemo } = await import('../../src/demo/load');
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ url: target.toString() });
      try {
        await loadDemo(database.db);
      } catch (error) {
        await database.close();
        await admin.query(`DROP DATABASE ${name}`);
        throw error;
      }
      await database.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727002)').catch(() => undefined);
    await admin.end();
  }
}
