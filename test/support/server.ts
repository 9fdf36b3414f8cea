/**
 * An in-process server on a fresh database with the demo, and a small client
 * that logs in and carries the session cookie and CSRF token like a browser.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response } from 'light-my-request';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { openTestDatabase } from './db';

export async function demoServer() {
  const database = await openTestDatabase({ demo: true });
  const app = await createServer({ database, env: readEnv({ KDC_DEMO: '1' }), demo: true, webRoot: '/nonexistent' });
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Client {
  request(options: InjectOptions): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, payload?: unknown): Promise<Response>;
  put(url: string, payload?: unknown): Promise<Response>;
}

export async function loginAs(app: FastifyInstance, username: string, password = 'demo1234'): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kdc_session')!;
  const csrf = res.json().csrfToken as string;
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie: `kdc_session=${cookie.value}`, 'x-csrf-token': csrf, ...(options.headers ?? {}) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
  };
}
