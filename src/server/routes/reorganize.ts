/** Reorganising units from the web app: merge, split, rename, move, close — the same use cases as `kdc reorganize`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ISO_DAY } from '../../core/text/date';
import { closeUnit, mergeUnits, moveUnit, renameUnit, splitUnit } from '../../app/reorganize/reorganize';
import { requireRole } from '../../app/policy/loaders';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { reorganizedSchema } from './responses';

/** A unit as people name it: an id, a code, or a path "Tỉnh … > Phường …" (a path may start from an id or a code). */
const unitRef = z.string().trim().min(1, 'chưa chọn đơn vị').max(500);
const common = {
  // The shape only: a day that does not exist is refused by the reorganisation itself, naming the day.
  date: z.string().regex(ISO_DAY, 'ngày có hiệu lực phải có dạng YYYY-MM-DD'),
  legalBasis: z.string().trim().max(500).optional(),
};
const body = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('merge'), ...common, into: unitRef, from: z.array(unitRef).min(1, 'cần ít nhất một đơn vị được sáp nhập').max(50) }),
    z.object({ kind: z.literal('split'), ...common, unit: unitRef, into: z.array(unitRef).min(2, 'cần ít nhất hai đơn vị sau khi tách').max(50) }),
    z.object({ kind: z.literal('rename'), ...common, unit: unitRef, name: z.string().trim().min(1, 'chưa nhập tên mới').max(200) }),
    z.object({ kind: z.literal('move'), ...common, unit: unitRef, to: unitRef }),
    z.object({ kind: z.literal('close'), ...common, unit: unitRef }),
  ],
  { error: 'loại sắp xếp phải là merge, split, rename, move hoặc close' },
);

export const reorganizeRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/reorganizations',
      {
        schema: {
          tags: ['units'],
          summary: 'Sắp xếp đơn vị: sáp nhập, chia tách, đổi tên, chuyển, giải thể (có ngày hiệu lực, giữ lịch sử)',
          body,
          response: { 201: reorganizedSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requireRole(actor, 'unit.reorganize');
        const b = request.body;
        const message = await (async () => {
          switch (b.kind) {
            case 'merge': {
              const r = await mergeUnits(db, actor, b);
              return { message: `Đã sáp nhập ${r.merged.join(', ')} vào ${r.target.name}`, unitId: r.target.id };
            }
            case 'split': {
              const r = await splitUnit(db, actor, b);
              return { message: `Đã chia tách ${r.source.name} thành ${r.targets.map((t) => t.name).join(', ')}`, unitId: r.source.id };
            }
            case 'rename': {
              const r = await renameUnit(db, actor, b);
              return { message: `Đã đổi tên ${r.previousName} thành ${r.name}`, unitId: r.id };
            }
            case 'move': {
              const r = await moveUnit(db, actor, b);
              return { message: `Đã chuyển ${r.name} về ${r.parentName}`, unitId: r.id };
            }
            case 'close': {
              const r = await closeUnit(db, actor, b);
              return { message: `Đã giải thể ${r.name}`, unitId: r.id };
            }
          }
        })();
        return reply.status(201).send(message);
      },
    );
  };
