/**
 * A registration's scorecard. Who may enter what follows the step and the
 * user's roles: the area while registered, the board once submitted; anyone
 * else reads it, with a word on what it waits for. Every change goes to the
 * outbox on the device first and is sent from there, so a lost signal costs
 * nothing; a refusal is shown at the criterion it concerns, in the server's
 * words, never as a connection problem. The live verdict is the engine's, on
 * the same profile and history as the server's.
 */
import { Alert, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../api/client';
import { invalidateCycle, queries } from '../api/queries';
import type { ProgramDetail, Registration as RegistrationData } from '../api/types';
import type { CriteriaSet, Criterion } from '../../core/criteria/schema';
import { appliesTo, type AreaProfile } from '../../core/criteria/walk';
import type { EvaluationContext } from '../../core/evaluation/types';
import { evaluate } from '../../core/evaluation/evaluate';
import { explainVerdict } from '../../core/evaluation/explain';
import { checkScorecard } from '../../core/evaluation/scorecard';
import { formatDate } from '../../core/text/date';
import { QueryState } from '../components/QueryState';
import { ReasonDialog } from '../components/ReasonDialog';
import { fill, useT } from '../i18n/index';
import { stepLabel } from '../labels';
import { drain, enqueueValues, onAccepted, type ValuePatch } from '../offline/outbox';
import { useOutbox } from '../offline/useOutbox';
import { can, useUser } from '../session';
import { CommentsPanel } from './scorecard/CommentsPanel';
import { CriterionRow, DisqualifierRow } from './scorecard/CriterionRow';
import { SectionIndex } from './scorecard/SectionIndex';
import { filled, initialDraft, needsReason, progress, type Draft, type Stage } from './scorecard/values';
import { VerdictCard } from './scorecard/VerdictCard';

export default function Registration() {
  const { id } = useParams({ from: '/registration/$id' });
  const registration = useQuery(queries.registration(id));
  const data = registration.data;
  const program = useQuery({ ...queries.program(data?.programCode ?? ''), enabled: Boolean(data) });
  return (
    <QueryState query={registration}>
      {(d) =>
        program.data ? <Scorecard key={`${d.id}-${d.status}`} data={d} program={program.data} /> : <QueryState query={program}>{() => null}</QueryState>
      }
    </QueryState>
  );
}

type ReasonAction = 'reject' | 'not-recommend' | 'return';

/** A registration kept offline by an older version of the app has no `permissions`: the role's steps stand in. */
function roleSteps(user: ReturnType<typeof useUser>): RegistrationData['permissions'] {
  const step = (ok: boolean) => ({ ok, reason: null });
  return {
    selfAssess: step(can(user, 'selfAssess')),
    appraise: step(can(user, 'appraise')),
    propose: step(can(user, 'appraise')),
    return: step(can(user, 'appraise')),
    review: step(can(user, 'review')),
    uploadEvidence: step(can(user, 'selfAssess')),
    recuse: step(false),
  };
}

function Scorecard({ data, program }: { data: RegistrationData; program: ProgramDetail }) {
  const { t } = useT();
  const user = useUser();
  const client = useQueryClient();
  const outbox = useOutbox();
  const set = data.criteriaSet as CriteriaSet;
  // The server says which steps this person may take on this registration (duties included):
  // an officer who self-assessed it sees the board's page read-only, with the reason.
  const allowed = (data.permissions as RegistrationData['permissions'] | undefined) ?? roleSteps(user);
  const stage: Stage | null = data.locked
    ? null
    : data.status === 'registered' && allowed.selfAssess.ok
      ? 'self'
      : data.status === 'self-assessed' && allowed.appraise.ok
        ? 'board'
        : null;
  const closedStep = data.locked
    ? null
    : data.status === 'registered' && can(user, 'selfAssess') && !allowed.selfAssess.ok
      ? allowed.selfAssess.reason
      : data.status === 'self-assessed' && can(user, 'appraise') && !allowed.appraise.ok
        ? allowed.appraise.reason
        : null;

  // What the server holds, with what still waits on the device laid over it, in order.
  const [draft, setDraft] = useState<Draft>(() => {
    const start = initialDraft(data.values, stage);
    for (const e of outbox.entries)
      if (e.kind === 'values' && e.registrationId === data.id && e.stage === stage)
        for (const [code, p] of Object.entries(e.values)) start[code] = { ...start[code], ...p } as ValuePatch;
    return start;
  });
  const [held, setHeld] = useState<Record<string, true>>({});
  const [error, setError] = useState('');
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  const [busy, setBusy] = useState(false);

  // A change the server took is read back (the stored verdict, files); a decision issued meanwhile shows too.
  useEffect(
    () =>
      onAccepted((e) => {
        if (e.registrationId === data.id && e.kind === 'evidence') void client.invalidateQueries({ queryKey: ['registration', data.id] });
      }),
    [client, data.id],
  );

  // The board starts from the area's values: taken over as the board's, once, until it changes one.
  useEffect(() => {
    if (stage !== 'board' || Object.values(data.values).some((e) => e.board !== null)) return;
    for (const [code, e] of Object.entries(data.values))
      if (e.self !== null) void enqueueValues(data.id, 'board', code, { value: e.self, note: e.note, reason: null }, label);
  }, []);

  // Exactly what the server evaluates with (its profile, history, titles held), so the live verdict is the stored one.
  const context = data.evaluation as unknown as Omit<EvaluationContext, 'values'> & { profile: AreaProfile };
  const profile = context.profile;
  const recordJudged = useMemo(() => new Set(data.recordJudged), [data.recordJudged]);
  const skip = (c: Criterion) =>
    !appliesTo(c, profile) || recordJudged.has(c.code) || Boolean(c.parts?.length && c.parts.every((p) => recordJudged.has(p.code)));
  const levelCode = program.titles.find((x) => x.code === data.titleCode)?.levelCode;
  const titleName = program.titles.find((x) => x.code === data.titleCode)?.name;
  const label = `${data.unitName}, ${data.year}`;
  const values = useMemo(() => filled(draft), [draft]);
  const problems = useMemo(() => checkScorecard(set, values, { recordJudged, profile }), [set, values, recordJudged, profile]);
  const verdict = problems.length ? null : evaluate(set, { ...context, values });
  // Outcomes of criteria judged from records show even before the scorecard is complete.
  const preview = useMemo(() => (recordJudged.size ? evaluate(set, { ...context, values }) : null), [set, context, values, recordJudged]);
  const sentence = verdict ? explainVerdict(set, verdict, profile, levelCode) : null;
  const counts = progress(set, draft, skip);
  const mine = outbox.entries.filter((e) => e.registrationId === data.id);
  const refused = mine.filter((e) => e.state === 'refused');
  const heldCodes = Object.keys(held);

  const change = (code: string, patch: Partial<ValuePatch>) => {
    if (!stage) return;
    const next = { value: null, ...draft[code], ...patch } as ValuePatch;
    setDraft((d) => ({ ...d, [code]: next }));
    // A board value that differs from the area's waits here, not in the outbox, until its reason is written.
    if (needsReason(stage, data.values[code], next)) {
      setHeld((h) => ({ ...h, [code]: true }));
      return;
    }
    setHeld((h) => {
      const { [code]: _gone, ...rest } = h;
      return rest;
    });
    void enqueueValues(data.id, stage, code, stage === 'board' ? next : { value: next.value, note: next.note ?? null }, label);
  };

  const act = async (action: 'submit' | 'propose' | 'recommend' | ReasonAction, reason?: string) => {
    setBusy(true);
    setError('');
    try {
      // Everything typed reaches the server before a step that rests on it.
      if ((await drain(data.id)) > 0 && (action === 'submit' || action === 'propose')) {
        setError(t.sendPendingFirst);
        return;
      }
      await call(api.POST('/api/registrations/{id}/actions', { params: { path: { id: data.id } }, body: { action, reason } }));
      setAsking(null);
      await invalidateCycle(client, data.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const lastReturn = [...data.events].reverse().find((e) => e.action === 'return');
  const returnedNow = lastReturn && data.events.at(-1) === lastReturn;
  const canAppraise = can(user, 'appraise');
  const canReturn = allowed.return.ok;
  const canReview = allowed.review.ok;
  const complete = problems.length === 0;
  const waitWord = !stage && !data.locked ? t[`wait_${data.status}` as 'wait_registered'] : null;

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t.scorecard}: {data.unitName} — {data.year}
      </Title>
      <Group gap="xs">
        <BadgeLine status={data.status} title={titleName} />
        <SaveState stage={stage} waiting={mine.length - refused.length} held={heldCodes.length} refused={refused.length} />
      </Group>
      {data.locked && (
        <Alert color="green" role="status" title={t.lockedTitle}>
          {t.lockedText}
        </Alert>
      )}
      {closedStep && (
        <Alert color="orange" role="status" title={t.stepClosedTitle}>
          {closedStep}
        </Alert>
      )}
      {waitWord && !closedStep && (
        <Alert color="blue" role="status" title={waitWord}>
          {stage === null && data.status === 'self-assessed' && !canAppraise ? t.readOnlySubmitted : t.readOnly}
        </Alert>
      )}
      {returnedNow && lastReturn && (
        <Alert color="orange" role="status" title={t.returnedTitle}>
          {lastReturn.reason} {lastReturn.actorName ? `— ${lastReturn.actorName}, ${formatDate(lastReturn.at)}` : ''}
        </Alert>
      )}
      {data.councilReason && data.status === 'council-not-recommended' && (
        <Alert color="gray" role="status" title={t.councilReason}>
          {data.councilReason}
        </Alert>
      )}
      {refused.map((e) => (
        <Alert key={e.id} color="red" role="alert" title={t.serverRefused}>
          {e.message}
        </Alert>
      ))}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <SectionIndex set={set} draft={draft} skip={skip} counts={counts} verdict={verdict} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {set.sections.map((section, i) => (
              <section key={section.code} id={`section-${section.code}`} aria-labelledby={`section-title-${section.code}`} className="kdc-section">
                <Title order={3} size="h5" mb="xs" id={`section-title-${section.code}`}>
                  {section.title}{' '}
                  <Text span size="sm" fw={400}>
                    ({fill(t.sectionProgress, { done: counts.sections[i]!.done, total: counts.sections[i]!.total })})
                  </Text>
                </Title>
                <Stack gap="lg">
                  {section.criteria.map((c) => (
                    <CriterionRow
                      key={c.code}
                      criterion={c}
                      profile={profile}
                      editable={stage !== null}
                      registrationId={data.id}
                      allowNa={set.allowNa}
                      recordJudged={recordJudged}
                      outcome={(code) => (verdict ?? preview)?.criteria.find((o) => o.code === code)}
                      patch={(code) => draft[code]}
                      onChange={change}
                      differs={
                        stage === 'board' &&
                        draft[c.code]?.value != null &&
                        JSON.stringify(draft[c.code]?.value) !== JSON.stringify(data.values[c.code]?.self ?? null)
                      }
                      reasonMissing={Boolean(held[c.code])}
                      serverError={refused.find((e) => e.fields?.[c.code])?.fields?.[c.code]}
                      evidence={data.evidence.filter((e) => e.criterionCode === c.code)}
                    />
                  ))}
                </Stack>
              </section>
            ))}
            {set.disqualifiers.length > 0 && (
              <section id="section-disqualifiers" aria-labelledby="section-title-disqualifiers" className="kdc-section">
                <Title order={3} size="h5" mb="xs" id="section-title-disqualifiers">
                  {t.disqualifiers}{' '}
                  <Text span size="sm" fw={400}>
                    ({fill(t.sectionProgress, counts.disqualifiers)})
                  </Text>
                </Title>
                <Text size="sm" mb="xs">
                  {t.disqualifiersHelp}
                </Text>
                <Stack gap="lg">
                  {set.disqualifiers.map((d) => (
                    <DisqualifierRow
                      key={d.code}
                      code={d.code}
                      text={d.text}
                      value={draft[d.code]?.value ?? null}
                      editable={stage !== null}
                      onChange={(v) => change(d.code, { value: v })}
                    />
                  ))}
                </Stack>
              </section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <div className="kdc-verdict-side">
            <VerdictCard verdict={verdict} sentence={sentence} done={counts.done} total={counts.total} />
          </div>
        </Grid.Col>
      </Grid>
      <Group>
        {stage === 'self' && (
          <Button onClick={() => void act('submit')} disabled={!complete || heldCodes.length > 0} loading={busy}>
            {t.submit}
          </Button>
        )}
        {stage === 'board' && (
          <>
            <Button onClick={() => void act('propose')} disabled={!complete || heldCodes.length > 0} loading={busy}>
              {t.propose}
            </Button>
            <Button variant="light" onClick={() => setAsking('reject')}>
              {t.reject}
            </Button>
          </>
        )}
        {data.status === 'board-proposed' && canReview && !data.locked && (
          <>
            <Button onClick={() => void act('recommend')} loading={busy}>
              {t.recommend}
            </Button>
            <Button variant="light" onClick={() => setAsking('not-recommend')}>
              {t.notRecommend}
            </Button>
          </>
        )}
        {['self-assessed', 'board-proposed', 'board-rejected', 'council-recommended', 'council-not-recommended'].includes(data.status) &&
          !data.locked &&
          canReturn && (
            <Button variant="subtle" onClick={() => setAsking('return')}>
              {t.returnBack}
            </Button>
          )}
      </Group>
      {stage && !complete && <Text size="sm">{fill(t.notCompleteYet, { n: counts.total - counts.done })}</Text>}
      {(can(user, 'appraise') || can(user, 'review')) &&
        ['board-proposed', 'council-recommended', 'council-not-recommended', 'recognized'].includes(data.status) && (
          <CommentsPanel registrationId={data.id} programCode={data.programCode} year={data.year} />
        )}
      <ReasonDialog
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'return' ? t.returnTitle : asking === 'reject' ? t.reject : t.notRecommend}
        help={asking === 'return' ? t.returnHelp : undefined}
        confirm={asking === 'return' ? t.returnBack : asking === 'reject' ? t.reject : t.notRecommend}
        onConfirm={(reason) => act(asking!, reason)}
      />
    </Stack>
  );
}

function BadgeLine({ status, title }: { status: string; title: string | undefined }) {
  return (
    <>
      <span className="kdc-pill">{stepLabel(status)}</span>
      {title && <span className="kdc-pill">{title}</span>}
    </>
  );
}

/** Saved, saving, waiting for a signal, or held back for a reason — each said as what it is. */
function SaveState({ stage, waiting, held, refused }: { stage: Stage | null; waiting: number; held: number; refused: number }) {
  const { t } = useT();
  if (!stage) return null;
  const text = refused
    ? fill(t.refusedCount, { n: refused })
    : held
      ? fill(t.heldForReason, { n: held })
      : waiting
        ? navigator.onLine
          ? t.saving
          : t.offline
        : t.saved;
  return (
    <span role="status" className={`kdc-pill ${refused || held ? 'kdc-pill-warn' : ''}`} data-testid="save-state">
      {text}
    </span>
  );
}
