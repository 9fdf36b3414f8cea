/** What every route module receives: the database and the validated configuration. */
import type { Db } from '../../db/client';
import type { Env } from '../env';

export interface RouteDeps {
  db: Db;
  env: Env;
}
