/**
 * Changes waiting on the device: scorecard values and evidence files, kept in
 * IndexedDB (through `idb`) the moment they are made, and sent to the server
 * in the order they were made when there is a connection. An entry leaves
 * the outbox only when the server took it. A refusal (a decision was issued
 * meanwhile, a value the server will not take) keeps the entry, marked with
 * the server's message, until the person has read it and set it aside:
 * nothing typed offline is ever dropped without them knowing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ApiError, api, apiError, call, getCsrf, OFFLINE_MESSAGE } from '../api/client';

export type Value = boolean | 'na' | number | null;
export interface ValuePatch {
  value: Value;
  note?: string | null;
  reason?: string | null;
}

interface Base {
  id?: number;
  registrationId: number;
  createdAt: number;
  state: 'waiting' | 'refused';
  message?: string;
  label: string;
  /** A refusal's words for each criterion it names (the server's `details.fields`): shown beside that criterion. */
  fields?: Record<string, string>;
}
export interface ValuesEntry extends Base {
  kind: 'values';
  stage: 'self' | 'board';
  values: Record<string, ValuePatch>;
}
export interface FileEntry extends Base {
  kind: 'evidence';
  criterionCode: string;
  filename: string;
  file: Blob;
}
export type Entry = ValuesEntry | FileEntry;

interface OutboxDb extends DBSchema {
  entries: { key: number; value: Entry };
}

let dbPromise: Promise<IDBPDatabase<OutboxDb>> | null = null;
const db = () =>
  (dbPromise ??= openDB<OutboxDb>('kdc-outbox', 1, {
    upgrade: (d) => {
      d.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
    },
  }));

/* ── what the screens watch ── */
export interface OutboxState {
  entries: Entry[];
  sending: boolean;
  /** The entry being sent: a new change is not merged into it. */
  current?: number;
  upload: { entryId: number; sent: number; total: number } | null;
}
let state: OutboxState = { entries: [], sending: false, upload: null };
const listeners = new Set<() => void>();
function publish(patch: Partial<OutboxState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}
export const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
export const snapshot = () => state;
async function reload() {
  publish({ entries: await (await db()).getAll('entries') });
}

/* ── adding ── */
/**
 * A scorecard change: merged into the newest entry when that entry is the
 * same registration and stage and still waiting (typing a note letter by
 * letter is one change), else a new entry after it, keeping the order.
 */
export function enqueueValues(registrationId: number, stage: 'self' | 'board', code: string, patch: ValuePatch, label: string): Promise<void> {
  return track(addValues(registrationId, stage, code, patch, label));
}

/** Writes still on their way into IndexedDB: `drain` waits for them, so nothing just typed is missed. */
const adding = new Set<Promise<void>>();
function track(p: Promise<void>): Promise<void> {
  adding.add(p);
  return p.finally(() => adding.delete(p));
}

async function addValues(registrationId: number, stage: 'self' | 'board', code: string, patch: ValuePatch, label: string): Promise<void> {
  const d = await db();
  const tx = d.transaction('entries', 'readwrite');
  const cursor = await tx.store.openCursor(null, 'prev');
  const last = cursor?.value;
  if (
    last &&
    last.kind === 'values' &&
    last.state === 'waiting' &&
    last.registrationId === registrationId &&
    last.stage === stage &&
    !(state.sending && state.current === last.id)
  ) {
    await cursor.update({ ...last, values: { ...last.values, [code]: { ...last.values[code], ...patch } } });
  } else {
    await tx.store.add({ kind: 'values', registrationId, stage, values: { [code]: patch }, createdAt: Date.now(), state: 'waiting', label });
  }
  await tx.done;
  await reload();
  schedule(700);
}

export function enqueueFile(registrationId: number, criterionCode: string, file: Blob, filename: string, label: string): Promise<void> {
  return track(
    (async () => {
      await (await db()).add('entries', { kind: 'evidence', registrationId, criterionCode, file, filename, createdAt: Date.now(), state: 'waiting', label });
      await reload();
      schedule(0);
    })(),
  );
}

/** The person has read a refusal and sets the entry aside. */
export async function dismiss(id: number): Promise<void> {
  await (await db()).delete('entries', id);
  await reload();
}

/* ── sending ── */
function uploadFile(entry: FileEntry, onProgress: (sent: number, total: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('criterionCode', entry.criterionCode);
    form.append('file', entry.file, entry.filename);
    // XMLHttpRequest, not fetch: fetch cannot tell how much of a photo has been sent on a slow link.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/registrations/${entry.registrationId}/evidence`);
    xhr.setRequestHeader('x-csrf-token', getCsrf());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* a proxy's page */
      }
      reject(xhr.status >= 500 || xhr.status === 0 ? new ApiError(OFFLINE_MESSAGE, 0) : apiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(OFFLINE_MESSAGE, 0));
    xhr.send(form);
  });
}

async function send(entry: Entry): Promise<void> {
  if (entry.kind === 'values') {
    await call(
      api.PUT('/api/registrations/{id}/scorecard', { params: { path: { id: entry.registrationId } }, body: { stage: entry.stage, values: entry.values } }),
    );
    return;
  }
  await uploadFile(entry, (sent, total) => publish({ upload: { entryId: entry.id!, sent, total } }));
}

/** Listeners told when the server took an entry (the scorecard reloads its registration). */
const accepted = new Set<(entry: Entry) => void>();
export const onAccepted = (listener: (entry: Entry) => void) => {
  accepted.add(listener);
  return () => {
    accepted.delete(listener);
  };
};

/** The server's words per field of a refused save (src/app/errors.ts `invalid(message, { fields })`). */
function fieldsOf(details: unknown): Record<string, string> | undefined {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!fields || typeof fields !== 'object') return undefined;
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Sends every waiting entry, oldest first. A lost connection stops the run
 * (the rest keep their order for the next one); a refusal marks that entry
 * and the run goes on with the others, which do not depend on it.
 */
let running: Promise<void> | null = null;
export function flush(): Promise<void> {
  // One run at a time; a caller who asks meanwhile waits for that run.
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function run(): Promise<void> {
  publish({ sending: true });
  try {
    const d = await db();
    for (const entry of await d.getAll('entries')) {
      if (entry.state !== 'waiting') continue;
      publish({ current: entry.id });
      try {
        await send(entry);
        await d.delete('entries', entry.id!);
        accepted.forEach((l) => l(entry));
      } catch (error) {
        if (error instanceof ApiError && !error.offline && error.status !== 401) {
          await d.put('entries', { ...entry, state: 'refused', message: error.message, fields: fieldsOf(error.details) });
        } else {
          break;
        }
      } finally {
        publish({ upload: null });
        await reload();
      }
    }
  } finally {
    publish({ sending: false, current: undefined });
  }
  if (state.entries.some((e) => e.state === 'waiting')) schedule(15_000);
}

/**
 * Sends what waits for one registration before a step that needs it all on
 * the server (submitting, proposing); the number still waiting after, 0
 * when everything went (refused entries count: they did not go).
 */
export async function drain(registrationId: number): Promise<number> {
  const left = () => state.entries.filter((e) => e.registrationId === registrationId).length;
  for (let round = 0; round < 5; round++) {
    await Promise.all([...adding]);
    await flush();
    if (!left() || !adding.size) break;
  }
  return left();
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), ms);
}

/** Starts watching: what waits from an earlier visit is shown and sent; a returning signal sends at once. */
export function startOutbox(): void {
  if (typeof indexedDB === 'undefined') return;
  void reload().then(() => schedule(0));
  window.addEventListener('online', () => schedule(0));
}
