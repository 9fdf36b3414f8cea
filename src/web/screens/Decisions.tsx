/**
 * Recognition decisions of the chosen programme: the list, and drafting one
 * per title from the areas the council recommended. Issuing locks the scores
 * it rests on, so it comes only after a preview of the decision as it will
 * read and an explicit confirmation. The issuing body and the default date
 * come from the programme's settings, never from this screen.
 */
import { Alert, Anchor, Button, Checkbox, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { invalidateCycle, queries } from '../api/queries';
import type { ProgramDetail } from '../api/types';
import { useProgramYear } from '../context';
import { AREA_PAGE_MAX } from '../../core/paging';
import { formatDate } from '../../core/text/date';
import { DateField } from '../components/DateField';
import { QueryState } from '../components/QueryState';
import { fill, useT } from '../i18n/index';
import { decisionStatusLabel, statusLabel } from '../labels';
import { useCan } from '../session';

/** The programme's own default day for a decision: its decision deadline, else its ceremony. */
function defaultDay(detail: ProgramDetail, year: number): string | null {
  const d = detail.deadlines.find((x) => x.step === 'decision') ?? detail.deadlines.find((x) => x.step === 'ceremony');
  return d ? `${year}-${d.monthDay}` : null;
}
const chainText = (chain: Record<string, unknown>, key: string) => (typeof chain[key] === 'string' ? (chain[key] as string) : '');

export default function Decisions() {
  const { t } = useT();
  const { program, year } = useProgramYear();
  const code = program?.code ?? '';
  const list = useQuery({ ...queries.decisions(code), enabled: Boolean(program) });
  const detail = useQuery({ ...queries.program(code), enabled: Boolean(program) });
  const decide = useCan('decide');
  const [preview, setPreview] = useState<number | null>(null);
  const titleName = (c: string) => detail.data?.titles.find((x) => x.code === c)?.name ?? c;
  return (
    <Stack>
      <Title order={2}>{t.decisions}</Title>
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Alert color="gray" role="status">
              {t.noDecisions}
            </Alert>
          ) : (
            <Table aria-label={t.decisions}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.year}</Table.Th>
                  <Table.Th>{t.number}</Table.Th>
                  <Table.Th>{t.title}</Table.Th>
                  <Table.Th>{t.date}</Table.Th>
                  <Table.Th>{t.areas}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.year}</Table.Td>
                    <Table.Td>
                      {d.status === 'issued' ? (
                        <Anchor href={`/api/decisions/${d.id}/document`} download>
                          {d.number}
                        </Anchor>
                      ) : (
                        d.number
                      )}
                    </Table.Td>
                    <Table.Td>{titleName(d.titleCode)}</Table.Td>
                    <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                    <Table.Td>{d.areaCount}</Table.Td>
                    <Table.Td>
                      {d.status === 'issued' ? (
                        decisionStatusLabel(d.status)
                      ) : decide ? (
                        <Button size="compact-sm" variant="light" onClick={() => setPreview(d.id)}>
                          {t.previewAndIssue}
                        </Button>
                      ) : (
                        decisionStatusLabel(d.status)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {decide && detail.data && <Draft detail={detail.data} year={year} onDrafted={setPreview} />}
      {!decide && <Text size="sm">{t.decideOnlyOfficer}</Text>}
      <Preview id={preview} detail={detail.data} onClose={() => setPreview(null)} />
    </Stack>
  );
}

function Draft({ detail, year, onDrafted }: { detail: ProgramDetail; year: number; onDrafted: (id: number) => void }) {
  const { t } = useT();
  const client = useQueryClient();
  const [titleCode, setTitleCode] = useState(detail.titles[0]?.code ?? '');
  const title = detail.titles.find((x) => x.code === titleCode);
  const candidates = useQuery(queries.areas(detail.code, year, { status: 'council-recommended', title: titleCode, limit: AREA_PAGE_MAX }));
  const [chosen, setChosen] = useState<number[]>([]);
  const [form, setForm] = useState({ number: '', signer: '', signerTitle: '', issuingBody: '' });
  const [issuedOn, setIssuedOn] = useState<string | null>(defaultDay(detail, year));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setForm((f) => ({ ...f, issuingBody: chainText(title?.chain ?? {}, 'decidingBody'), signerTitle: chainText(title?.chain ?? {}, 'signerTitle') }));
    setChosen([]);
  }, [titleCode]);
  const rows = (candidates.data?.items ?? []).filter((r) => r.registrationId);
  const missing = [
    !chosen.length && t.chooseAreas,
    !form.number.trim() && t.number,
    !issuedOn && t.date,
    !form.signer.trim() && t.signer,
    !form.issuingBody.trim() && t.issuingBody,
  ].filter(Boolean);
  const draft = async () => {
    setBusy(true);
    setError('');
    try {
      const made = await call(
        api.POST('/api/programs/{code}/decisions', {
          params: { path: { code: detail.code } },
          body: { year, titleCode, ...form, signerTitle: form.signerTitle || null, issuedOn: issuedOn!, registrationIds: chosen },
        }),
      );
      await invalidateCycle(client);
      setChosen([]);
      onDrafted(made.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof typeof form, label: string) => (
    <TextInput label={label} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
  );
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {fill(t.draftDecisionOf, { year })}
      </Title>
      {detail.titles.length > 1 && (
        <NativeSelect
          label={t.title}
          value={titleCode}
          onChange={(e) => setTitleCode(e.currentTarget.value)}
          data={detail.titles.map((x) => ({ value: x.code, label: x.name }))}
        />
      )}
      <QueryState query={candidates}>
        {() =>
          rows.length === 0 ? (
            <Alert color="gray" role="status">
              {fill(t.noCandidates, { year, title: title?.name ?? '' })}
            </Alert>
          ) : (
            <Stack gap={4} role="group" aria-label={t.chooseAreas}>
              <Text size="sm" fw={600}>
                {t.chooseAreas}
              </Text>
              {rows.map((r) => (
                <Checkbox
                  key={r.registrationId}
                  label={`${r.unitName}${r.communeName ? ` (${r.communeName})` : ''}`}
                  checked={chosen.includes(r.registrationId!)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, r.registrationId!] : chosen.filter((x) => x !== r.registrationId))}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {field('number', t.number)}
      <DateField label={t.dateDmy} value={issuedOn} onChange={setIssuedOn} />
      {field('issuingBody', t.issuingBody)}
      {field('signerTitle', t.signerTitle)}
      {field('signer', t.signer)}
      <Group>
        <Button disabled={missing.length > 0} onClick={() => void draft()} loading={busy}>
          {t.draftAndPreview}
        </Button>
        {missing.length > 0 && (
          <Text size="sm">
            {t.stillMissing}: {missing.join(', ')}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** The decision as it will read, then a confirmation: issuing cannot be undone. */
function Preview({ id, detail, onClose }: { id: number | null; detail: ProgramDetail | undefined; onClose: () => void }) {
  const { t } = useT();
  const client = useQueryClient();
  const decision = useQuery({ ...queries.decision(id ?? 0), enabled: id !== null });
  const [sure, setSure] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => {
    setSure(false);
    setError('');
    onClose();
  };
  const issue = async () => {
    setBusy(true);
    setError('');
    try {
      await call(api.POST('/api/decisions/{id}/issue', { params: { path: { id: id! } } }));
      await invalidateCycle(client);
      close();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={id !== null} onClose={close} title={t.decisionPreview} size="lg" centered closeButtonProps={{ 'aria-label': t.closeDialog }}>
      <QueryState query={decision}>
        {(d) => (
          <Stack gap="xs" data-testid="decision-preview">
            <Text fw={700} ta="center">
              {d.issuingBody.toLocaleUpperCase('vi')}
            </Text>
            <Text ta="center">
              {t.decisionNo} {d.number}, {fill(t.dateLong, { date: formatDate(d.issuedOn) })}
            </Text>
            <Text fw={700} ta="center">
              {fill(t.decisionHeading, { title: detail?.titles.find((x) => x.code === d.titleCode)?.name ?? d.titleCode, year: d.year })}
            </Text>
            <Table aria-label={t.chooseAreas}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.order}</Table.Th>
                  <Table.Th>{t.area}</Table.Th>
                  <Table.Th>{t.commune}</Table.Th>
                  {d.status === 'issued' && <Table.Th>{t.recognitionStatus}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.areas.map((a, i) => (
                  <Table.Tr key={a.unitId}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{a.unitName}</Table.Td>
                    <Table.Td>{a.communeName}</Table.Td>
                    {d.status === 'issued' && <Table.Td>{a.status ? statusLabel(a.status) : ''}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text ta="right">{d.signerTitle}</Text>
            <Text ta="right" fw={600}>
              {d.signer}
            </Text>
            {d.status !== 'issued' && (
              <>
                <Alert color="orange" role="note">
                  {t.issueWarning}
                </Alert>
                <Checkbox label={fill(t.issueConfirm, { n: d.areas.length })} checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    {t.cancel}
                  </Button>
                  <Button onClick={() => void issue()} disabled={!sure} loading={busy}>
                    {t.issue}
                  </Button>
                </Group>
              </>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
