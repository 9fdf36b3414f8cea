/**
 * Issue 16: the layers of docs/ARCHITECTURE.md are enforced by `npm run lint`
 * (eslint.config.js: eslint-plugin-boundaries and, for the core, restricted
 * globals and syntax). Each case plants one line in a file of a layer and asks
 * ESLint's own API what it thinks of it (lintText with a path in that layer:
 * nothing is written to the tree). A forbidden line must be refused by a layer
 * rule; an allowed one must pass untouched, so the test fails both ways.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const LAYER_RULES = new Set(['boundaries/dependencies', 'no-restricted-globals', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

async function refused(filePath: string, code: string) {
  const messages = await lint(filePath, code);
  return messages.some((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));
}

// Each planted file exports what it takes, so no other rule (unused variables) speaks.
const planted: Record<string, { file: string; forbidden: string[]; allowed: string[] }> = {
  core: {
    file: 'src/core/units/planted.ts',
    forbidden: [
      "import fs from 'node:fs';\nexport const x = fs;",
      "import { readFileSync } from 'fs';\nexport const x = readFileSync;",
      "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;",
      "import crypto from 'crypto';\nexport const x = crypto;",
      "import os from 'os';\nexport const x = os;",
      "export const x = () => import('node:fs');",
      "export const x = () => import('./kinds');",
      'export const x = process.env.X;',
      'export const x = globalThis.process;',
      "export const x = () => fetch('https://example.org');",
      'export const x = (f: () => void) => setTimeout(f, 10);',
      'export const x = (f: () => void) => setInterval(f, 10);',
      'export const x = () => new XMLHttpRequest();',
      "export const x = () => localStorage.getItem('k');",
      'export const x = () => crypto.randomUUID();',
      "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;",
      "import { Document } from 'docx';\nexport const x = Document;",
      "import Papa from 'papaparse';\nexport const x = Papa;",
      "import { sql } from 'drizzle-orm';\nexport const x = sql;",
      "import { can } from '../../app/policy';\nexport const x = can;",
      "import { renderAreaList } from '../../documents';\nexport const x = renderAreaList;",
      "import { loadDemo } from '../../demo/load';\nexport const x = loadDemo;",
      "import { units } from '../../db/schema';\nexport const x = units;",
      "import { createServer } from '../../server/app';\nexport const x = createServer;",
      "import { can } from '../../web/session';\nexport const x = can;",
      "export { can } from '../../app/policy';",
    ],
    allowed: [
      "import { z } from 'zod';\nimport { UNIT_KIND_NAMES } from './kinds';\nimport { formatDate } from '../text/date';\nexport const x = [z, UNIT_KIND_NAMES, formatDate];",
      'export const x = (d: Date) => d.getTime() + Math.max(1, 2);',
    ],
  },
  app: {
    file: 'src/app/planted.ts',
    forbidden: [
      "import { createServer } from '../server/app';\nexport const x = createServer;",
      "import type { registerErrorHandler } from '../server/errors';\nexport type X = typeof registerErrorHandler;",
      "import { program } from '../cli/main';\nexport const x = program;",
      "import { can } from '../web/session';\nexport const x = can;",
      "export const x = () => import('../server/app');",
    ],
    allowed: [
      "import { sql } from 'drizzle-orm';\nimport { readFile } from 'node:fs/promises';\nimport { units } from '../db/schema';\nimport { formatDate } from '../core/text/date';\nimport { can } from './policy';\nexport const x = [sql, readFile, units, formatDate, can];",
    ],
  },
  web: {
    file: 'src/web/planted.ts',
    forbidden: [
      "import { isAdmin } from '../app/actor';\nexport const x = isAdmin;",
      "import type { Actor } from '../app/actor';\nexport type X = Actor;",
      "import { createServer } from '../server/app';\nexport const x = createServer;",
      "import { units } from '../db/schema';\nexport const x = units;",
      "import { renderAreaList } from '../documents';\nexport const x = renderAreaList;",
      "import fs from 'node:fs';\nexport const x = fs;",
    ],
    allowed: [
      "import { useState } from 'react';\nimport { CAPABILITIES } from '../core/users/roles';\nimport { can } from './session';\nexport const x = [useState, CAPABILITIES, can];",
    ],
  },
  documents: {
    file: 'src/documents/planted.ts',
    forbidden: [
      "import { can } from '../app/policy';\nexport const x = can;",
      "import { units } from '../db/schema';\nexport const x = units;",
      "import { createServer } from '../server/app';\nexport const x = createServer;",
      "import { loadDemo } from '../demo/load';\nexport const x = loadDemo;",
    ],
    allowed: [
      "import { Document } from 'docx';\nimport ExcelJS from 'exceljs';\nimport { STATUS_LABELS } from '../core/cycle/status';\nimport { numberLine } from './text';\nexport const x = [Document, ExcelJS, STATUS_LABELS, numberLine];",
    ],
  },
};

describe('npm run lint refuses a planted import in each layer', () => {
  for (const [layer, { file, forbidden, allowed }] of Object.entries(planted)) {
    describe(layer, () => {
      it.each(forbidden)(`refuses in ${file}: %s`, async (code) => {
        expect(await refused(file, code)).toBe(true);
      });
      it.each(allowed)(`lets through in ${file}: %s`, async (code) => {
        expect(await lint(file, code)).toEqual([]);
      });
    });
  }

  it('a test beside the core may use the test tools, the core itself may not', async () => {
    const code = "import { describe } from 'vitest';\nexport const x = describe;";
    expect(await lint('src/core/units/planted.test.ts', code)).toEqual([]);
    expect(await refused('src/core/units/planted.ts', code)).toBe(true);
  });
});
