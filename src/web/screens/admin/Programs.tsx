/**
 * The programmes within the user's scope, and creating one: code, name,
 * owner unit, years and its criteria set (built-in, or a file read and
 * checked first). A refused form keeps what was typed and shows each
 * problem at its field. Offered to administrators and officers; the server
 * decides again whether this person may create for this unit.
 */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/fieldErrors';
import { queries } from '../../api/queries';
import type { UnitBrief } from '../../api/types';
import { CURRENT_YEAR } from '../../context';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/QueryState';
import { UnitPicker } from '../../components/UnitPicker';
import { useT } from '../../i18n/index';
import { useCan } from '../../session';
import { CriteriaSource, type CriteriaChoice } from './CriteriaSource';
import { useAdminT } from './text';

const NONE: FormProblems = { fields: {}, other: null };

export default function Programs() {
  const t = useAdminT();
  const list = useQuery(queries.programs());
  const mayCreate = useCan('manage');
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t.programs}</Title>
          <Text size="sm">{t.programsIntro}</Text>
        </div>
        {mayCreate && !creating && <Button onClick={() => setCreating(true)}>{t.createProgram}</Button>}
      </Group>
      {creating && <CreateProgram onCancel={() => setCreating(false)} />}
      <QueryState query={list}>
        {(programs) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {/* The ones this person runs first: that is what they came for. */}
            {[...programs]
              .sort((a, b) => Number(b.canAdminister) - Number(a.canAdminister))
              .map((p) => {
                const first = p.years[0]?.year;
                const last = p.years.at(-1)?.year;
                return (
                  <Card key={p.code} withBorder padding="sm" data-testid={`program-${p.code}`}>
                    <Text fw={600}>{p.name}</Text>
                    <Text size="sm">
                      {t.years}: {first ?? '–'}
                      {last !== first ? `–${last}` : ''} · {p.titles.map((x) => x.name).join(', ')}
                    </Text>
                    <Group gap="md" mt={6}>
                      {p.canAdminister && (
                        <AnchorLink
                          to="/programs/$code/settings"
                          params={{ code: p.code }}
                          search={(s: Record<string, unknown>) => ({ ...s, program: p.code })}
                          size="sm"
                        >
                          {t.settings}
                        </AnchorLink>
                      )}
                      <AnchorLink
                        to="/programs/$code/criteria"
                        params={{ code: p.code }}
                        search={(s: Record<string, unknown>) => ({ ...s, program: p.code })}
                        size="sm"
                      >
                        {t.criteriaVersions}
                      </AnchorLink>
                      <AnchorLink
                        to="/programs/$code/form"
                        params={{ code: p.code }}
                        search={(s: Record<string, unknown>) => ({ ...s, program: p.code })}
                        size="sm"
                      >
                        {t.printForm}
                      </AnchorLink>
                    </Group>
                  </Card>
                );
              })}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}

function CreateProgram({ onCancel }: { onCancel: () => void }) {
  const t = useAdminT();
  const { t: shell } = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({ code: '', name: '', description: '', fromYear: String(CURRENT_YEAR), toYear: String(CURRENT_YEAR + 4) });
  const [owner, setOwner] = useState<UnitBrief | null>(null);
  const [criteria, setCriteria] = useState<CriteriaChoice>(null);
  const [problems, setProblems] = useState(NONE);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  const submit = async () => {
    const local: Record<string, string> = {};
    const year = (text: string) => (/^\s*\d{4}\s*$/.test(text) ? Number(text) : null);
    if (year(form.fromYear) === null) local.fromYear = t.yearInvalid;
    if (year(form.toYear) === null) local.toYear = t.yearInvalid;
    if (!owner) local.ownerUnitId = t.ownerHint;
    if (!criteria) local.criteriaSet = t.chooseBuiltin;
    if (Object.keys(local).length) {
      setProblems({ fields: local, other: null });
      return;
    }
    setProblems(NONE);
    setBusy(true);
    try {
      const created = await call(
        api.POST('/api/programs', {
          body: {
            code: form.code.trim(),
            name: form.name.trim(),
            ownerUnitId: owner!.id,
            description: form.description.trim() || null,
            criteriaSet: criteria!.value,
            fromYear: year(form.fromYear)!,
            toYear: year(form.toYear)!,
          },
        }),
      );
      await client.invalidateQueries({ queryKey: ['programs'] });
      void navigate({
        to: '/programs/$code/settings',
        params: { code: created.code },
        search: (s: Record<string, unknown>) => ({ ...s, program: created.code }),
      });
    } catch (e) {
      setProblems(formProblems(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="create-program-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="create-program-title">
          {t.createProgram}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.name} value={form.name} onChange={set('name')} error={problems.fields.name} required />
          <TextInput
            label={t.code}
            description={t.codeHint}
            value={form.code}
            onChange={set('code')}
            error={problems.fields.code}
            required
            autoCapitalize="off"
            spellCheck={false}
          />
        </SimpleGrid>
        <div>
          <UnitPicker label={t.owner} value={owner} onChange={setOwner} testId="owner-unit" />
          {problems.fields.ownerUnitId ? (
            <Text size="sm" c="red.8" role="alert">
              {problems.fields.ownerUnitId}
            </Text>
          ) : (
            <Text size="xs" c="gray.7">
              {t.ownerHint}
            </Text>
          )}
        </div>
        <SimpleGrid cols={2}>
          <TextInput label={t.fromYear} inputMode="numeric" value={form.fromYear} onChange={set('fromYear')} error={problems.fields.fromYear} />
          <TextInput label={t.toYear} inputMode="numeric" value={form.toYear} onChange={set('toYear')} error={problems.fields.toYear} />
        </SimpleGrid>
        <CriteriaSource onChange={setCriteria} error={problems.fields.criteriaSet} />
        <Textarea label={t.description} value={form.description} onChange={set('description')} autosize minRows={2} error={problems.fields.description} />
        {problems.other && (
          <Alert color="red" role="alert">
            {problems.other}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void submit()} loading={busy}>
            {t.createProgram}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {shell.cancel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
