/**
 * A programme's settings, as its owner unit runs it: who issues and signs
 * its documents, the certificate's words, whether one person may both
 * self-assess and appraise, the years, the chain of each title, targets,
 * deadlines and rewards — typed the Vietnamese way (31/03, 2.000.000, 1,5).
 * One save sends everything (PATCH /api/programs/:code/settings); a refusal
 * is shown at each box it names and nothing typed is lost.
 */
import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ApiError, api, call } from '../../api/client';
import { queries } from '../../api/queries';
import type { ProgramDetail } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { useProgramYear } from '../../context';
import { fill } from '../../i18n/index';
import { statusLabel } from '../../labels';
import { CHAIN_LEVELS } from '../../../core/programs/settings';
import { ProgramHeader, useProgramInContext } from './ProgramHeader';
import { buildBody, fieldId, formFromProgram, newTargetRow, placeDetails, type SettingsForm } from './settingsForm';
import { useAdminT } from './text';
import './admin.css';

export default function ProgramSettings() {
  const { code } = useParams({ from: '/programs/$code/settings' });
  useProgramInContext(code, 'settings');
  const t = useAdminT();
  const detail = useQuery(queries.program(code));
  return (
    <QueryState query={detail}>
      {(p) => (
        <Stack>
          <ProgramHeader program={p} page="settings" />
          {p.canAdminister ? (
            <SettingsEditor key={p.code} program={p} />
          ) : (
            <Alert color="gray" role="status">
              {t.noAdminRight}
            </Alert>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function Section({ title, intro, children, id }: { title: string; intro?: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
        {children}
      </Stack>
    </Card>
  );
}

function SettingsEditor({ program }: { program: ProgramDetail }) {
  const t = useAdminT();
  const client = useQueryClient();
  const { year } = useProgramYear();
  const [form, setForm] = useState<SettingsForm>(() => formFromProgram(program));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [status, setStatus] = useState<{ color: 'green' | 'red'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (change: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...change }));
  const text = (key: 'name' | 'description' | 'issuingBody' | 'signerName' | 'signerTitle' | 'certificateWording' | 'fromYear' | 'toYear' | 'noticeDays') => ({
    value: form[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => patch({ [key]: e.currentTarget.value }),
  });
  const titleName = (code: string) => program.titles.find((x) => x.code === code)?.name ?? code;

  const save = async () => {
    const built = buildBody(form, t);
    setOther([]);
    if (Object.keys(built.problems).length) {
      setErrors(built.problems);
      setStatus({ color: 'red', text: fill(t.fixFirst, { n: Object.keys(built.problems).length }) });
      return;
    }
    setErrors({});
    setStatus(null);
    setBusy(true);
    try {
      const saved = await call(api.PATCH('/api/programs/{code}/settings', { params: { path: { code: program.code } }, body: built.body }));
      client.setQueryData(queries.program(program.code).queryKey, saved);
      await client.invalidateQueries({ queryKey: ['programs'] });
      setForm(formFromProgram(saved));
      setStatus({ color: 'green', text: t.savedAt });
    } catch (e) {
      const details = e instanceof ApiError && Array.isArray(e.details) ? (e.details as unknown[]).filter((d): d is string => typeof d === 'string') : [];
      const placed = placeDetails(details, built.places);
      setErrors(placed.fields);
      setOther(placed.other);
      setStatus({ color: 'red', text: fill(t.refusedKept, { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const levelOptions = CHAIN_LEVELS.map((value) => ({ value, label: t[`level_${value}`] }));
  const titleOptions = [{ value: '', label: t.allTitles }, ...program.titles.map((x) => ({ value: x.code, label: x.name }))];

  return (
    <Stack gap="sm" data-testid="program-settings">
      <Section id="s-docs" title={t.documents}>
        <TextInput label={t.name} {...text('name')} />
        <TextInput label={t.issuingBody} description={t.issuingBodyHint} {...text('issuingBody')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.signerName} {...text('signerName')} />
          <TextInput label={t.signerTitle} {...text('signerTitle')} />
        </SimpleGrid>
        <Textarea label={t.certificateWording} autosize minRows={2} {...text('certificateWording')} />
        <Textarea label={t.description} autosize minRows={1} {...text('description')} />
        <Switch
          label={t.allowSameAssessor}
          description={t.allowSameAssessorHint}
          checked={form.allowSameAssessor}
          error={errors.allowSameAssessor}
          onChange={(e) => patch({ allowSameAssessor: e.currentTarget.checked })}
        />
        <TextInput label={t.noticeDays} description={t.noticeDaysHint} inputMode="numeric" maw={360} {...text('noticeDays')} />
      </Section>

      <Section id="s-years" title={t.years} intro={t.yearsHint}>
        <SimpleGrid cols={2} maw={360}>
          <TextInput label={t.fromYear} inputMode="numeric" {...text('fromYear')} />
          <TextInput label={t.toYear} inputMode="numeric" {...text('toYear')} />
        </SimpleGrid>
      </Section>

      <Section id="s-chain" title={t.chainTitle} intro={t.chainIntro}>
        {form.chains.map((c, i) => {
          const change = (part: 'appraise' | 'review' | 'decide' | 'decidingBody', value: string) =>
            patch({ chains: form.chains.map((x, j) => (j === i ? { ...x, [part]: value } : x)) });
          return (
            <Stack key={c.titleCode} gap={4}>
              <Text fw={600} size="sm">
                {c.titleName}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {(['appraise', 'review', 'decide'] as const).map((part) => (
                  <NativeSelect
                    key={part}
                    label={
                      <>
                        {t[part === 'review' ? 'reviewStep' : part]}
                        <span className="kdc-sr"> — {c.titleName}</span>
                      </>
                    }
                    value={c[part]}
                    data={levelOptions}
                    error={errors[fieldId.chain(c.titleCode, part)]}
                    onChange={(e) => change(part, e.currentTarget.value)}
                  />
                ))}
              </SimpleGrid>
              <TextInput
                label={
                  <>
                    {t.decidingBody}
                    <span className="kdc-sr"> — {c.titleName}</span>
                  </>
                }
                value={c.decidingBody}
                error={errors[fieldId.chain(c.titleCode, 'decidingBody')]}
                onChange={(e) => change('decidingBody', e.currentTarget.value)}
              />
            </Stack>
          );
        })}
      </Section>

      <Section id="s-targets" title={t.targetsTitle} intro={t.targetsIntro}>
        {errors.targets && (
          <Text c="red.8" size="sm" role="alert">
            {errors.targets}
          </Text>
        )}
        {form.targets.map((row, i) => {
          const change = (part: 'scope' | 'yearFrom' | 'yearTo' | 'titleCode' | 'target', value: string) =>
            patch({ targets: form.targets.map((x) => (x.key === row.key ? { ...x, [part]: value } : x)) });
          const n = i + 1;
          return (
            <Group key={row.key} gap="xs" align="start" wrap="wrap" data-testid="target-row">
              <NativeSelect
                label={`${t.scope} (${n})`}
                w={130}
                value={row.scope}
                data={[
                  { value: 'year', label: t.scopeYear },
                  { value: 'period', label: t.scopePeriod },
                ]}
                onChange={(e) => change('scope', e.currentTarget.value)}
              />
              <TextInput
                label={row.scope === 'year' ? `${t.year} (${n})` : `${t.fromYear} (${n})`}
                w={100}
                inputMode="numeric"
                value={row.yearFrom}
                error={errors[fieldId.target(row.key, 'yearFrom')]}
                onChange={(e) => change('yearFrom', e.currentTarget.value)}
              />
              {row.scope === 'period' && (
                <TextInput
                  label={`${t.toYear} (${n})`}
                  w={100}
                  inputMode="numeric"
                  value={row.yearTo}
                  error={errors[fieldId.target(row.key, 'yearTo')]}
                  onChange={(e) => change('yearTo', e.currentTarget.value)}
                />
              )}
              {program.titles.length > 1 && (
                <NativeSelect
                  label={`${t.forTitle} (${n})`}
                  value={row.titleCode}
                  data={titleOptions}
                  error={errors[fieldId.target(row.key, 'titleCode')]}
                  onChange={(e) => change('titleCode', e.currentTarget.value)}
                />
              )}
              <TextInput
                label={`${t.target} (${n})`}
                w={150}
                inputMode="numeric"
                value={row.target}
                error={errors[fieldId.target(row.key, 'target')]}
                onChange={(e) => change('target', e.currentTarget.value)}
              />
              <Button
                variant="subtle"
                color="red"
                mt={24}
                aria-label={fill(t.removeRow, { n })}
                onClick={() => patch({ targets: form.targets.filter((x) => x.key !== row.key) })}
              >
                {t.remove}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" onClick={() => patch({ targets: [...form.targets, newTargetRow(year)] })}>
            {t.addTarget}
          </Button>
        </Group>
      </Section>

      <Section id="s-deadlines" title={t.deadlinesTitle} intro={t.deadlinesIntro}>
        {errors.deadlines && (
          <Text c="red.8" size="sm" role="alert">
            {errors.deadlines}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {form.deadlines.map((d) => (
            <TextInput
              key={d.step}
              label={d.label}
              placeholder="dd/mm"
              inputMode="numeric"
              value={d.text}
              error={errors[fieldId.deadline(d.step)]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                patch({ deadlines: form.deadlines.map((x) => (x.step === d.step ? { ...x, text: v } : x)) });
              }}
            />
          ))}
        </SimpleGrid>
      </Section>

      <Section id="s-rewards" title={t.rewardsTitle} intro={t.rewardsIntro}>
        {errors.rewards && (
          <Text c="red.8" size="sm" role="alert">
            {errors.rewards}
          </Text>
        )}
        {program.titles.map((title) => (
          <Stack key={title.code} gap={4}>
            {program.titles.length > 1 && (
              <Text fw={600} size="sm">
                {title.name}
              </Text>
            )}
            {form.rewards
              .filter((r) => r.titleCode === title.code)
              .map((r) => {
                const change = (part: 'kind' | 'text', value: string) =>
                  patch({ rewards: form.rewards.map((x) => (x.titleCode === r.titleCode && x.status === r.status ? { ...x, [part]: value } : x)) });
                const hidden = <span className="kdc-sr"> — {titleName(r.titleCode)}</span>;
                return (
                  <Group key={r.status} gap="xs" align="end" wrap="nowrap" maw={620}>
                    <TextInput
                      label={
                        <>
                          {statusLabel(r.status)}
                          {hidden}
                        </>
                      }
                      inputMode="decimal"
                      value={r.text}
                      placeholder={r.kind === 'amount' ? '2.000.000' : '1,5'}
                      style={{ flex: 1, minWidth: 0 }}
                      rightSection={
                        r.kind === 'amount' ? (
                          <Text size="sm" c="gray.8" aria-hidden>
                            đ
                          </Text>
                        ) : undefined
                      }
                      error={errors[fieldId.reward(r.titleCode, r.status)]}
                      onChange={(e) => change('text', e.currentTarget.value)}
                    />
                    <NativeSelect
                      label={
                        <>
                          {t.rewardKind} ({statusLabel(r.status)}
                          {hidden})
                        </>
                      }
                      value={r.kind}
                      w={180}
                      style={{ flexShrink: 0, alignSelf: 'start' }}
                      mt={25}
                      onChange={(e) => change('kind', e.currentTarget.value)}
                      classNames={{ label: 'kdc-sr' }}
                      data={[
                        { value: 'amount', label: t.rewardMoney },
                        { value: 'coefficient', label: t.rewardCoefficient },
                      ]}
                    />
                  </Group>
                );
              })}
          </Stack>
        ))}
      </Section>

      <div className="kdc-save-bar">
        <Stack gap="xs">
          {other.length > 0 && (
            <Alert color="red">
              {other.map((o) => (
                <div key={o}>{o}</div>
              ))}
            </Alert>
          )}
          <Group wrap="nowrap" align="center">
            <Button onClick={() => void save()} loading={busy} style={{ flexShrink: 0 }}>
              {t.save}
            </Button>
            <Text
              size="sm"
              fw={500}
              c={status?.color === 'red' ? 'red.9' : 'green.9'}
              role={status?.color === 'red' ? 'alert' : 'status'}
              data-testid="settings-status"
            >
              {status?.text ?? ''}
            </Text>
          </Group>
        </Stack>
      </div>
    </Stack>
  );
}
