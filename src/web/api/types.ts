/** Names for the answers screens share, taken from the generated API types (never written by hand). */
import type { Ok } from './client';

export type Me = Ok<'/api/auth/me', 'get'>;
export type User = NonNullable<Me['user']>;
export type Program = Ok<'/api/programs', 'get'>[number];
export type ProgramDetail = Ok<'/api/programs/{code}', 'get'>;
export type UnitBrief = Ok<'/api/units', 'get'>[number];
export type Registration = Ok<'/api/registrations/{id}', 'get'>;
export type StoredVerdict = NonNullable<Registration['verdicts']['self']>;
export type AreaPage = Ok<'/api/programs/{code}/areas', 'get'>;
export type AreaRow = AreaPage['items'][number];
export type AreaOverview = Ok<'/api/areas/{unitId}', 'get'>;
export type Tasks = Ok<'/api/me/tasks', 'get'>;
export type DecisionRow = Ok<'/api/programs/{code}/decisions', 'get'>[number];
export type Dashboard = Ok<'/api/programs/{code}/dashboard', 'get'>;
export type Records = Ok<'/api/programs/{code}/records', 'get'>;
