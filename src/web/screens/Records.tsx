/**
 * Contributions (money, land, workdays) and the register of documents issued,
 * for the chosen programme and year. Numbers are typed and shown the
 * Vietnamese way (2.000.000 · 120,5), dates as dd/mm/yyyy, and a refusal
 * is shown at the field it concerns.
 */
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client';
import { formProblems, type FormProblems } from '../api/fieldErrors';
import { queries } from '../api/queries';
import { useProgramYear } from '../context';
import { formatMoney, formatNumber } from '../../core/text/format';
import { AREA_PAGE_MAX } from '../../core/paging';
import { formatDate } from '../../core/text/date';
import { DateField } from '../components/DateField';
import { NumberField } from '../components/NumberField';
import { QueryState } from '../components/QueryState';
import { fill, useT } from '../i18n/index';
import { useCan } from '../session';

const NONE: FormProblems = { fields: {}, other: null };

export default function Records() {
  const { t } = useT();
  const client = useQueryClient();
  const { program, year } = useProgramYear();
  const code = program?.code ?? '';
  const manage = useCan('manage');
  const records = useQuery({ ...queries.records(code, year), enabled: Boolean(program) });
  const roots = useQuery(queries.units(''));
  const areas = useQuery({ ...queries.areas(code, year, { limit: AREA_PAGE_MAX }), enabled: Boolean(program) && manage });
  const units = [
    ...(roots.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
    ...(areas.data?.items ?? []).map((a) => ({ value: String(a.unitId), label: `${a.unitName}${a.communeName ? ` (${a.communeName})` : ''}` })),
  ];
  // A unit listed twice (a ward that is both a root of my scope and a parent in the list) is offered once.
  const options = [...new Map(units.map((u) => [u.value, u])).values()];

  const [money, setMoney] = useState({
    unitId: '',
    budgetAmount: null as number | null,
    peopleAmount: null as number | null,
    landM2: null as number | null,
    workdays: null as number | null,
  });
  const [doc, setDoc] = useState({ unitId: '', issuer: '', docType: 'Kế hoạch', number: '', summary: '' });
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [moneyProblems, setMoneyProblems] = useState(NONE);
  const [docProblems, setDocProblems] = useState(NONE);
  const [saved, setSaved] = useState('');

  const saveMoney = async () => {
    setMoneyProblems(NONE);
    try {
      await call(
        api.POST('/api/programs/{code}/contributions', {
          params: { path: { code } },
          body: {
            year,
            unitId: Number(money.unitId),
            budgetAmount: money.budgetAmount ?? 0,
            peopleAmount: money.peopleAmount ?? 0,
            landM2: money.landM2 ?? 0,
            workdays: money.workdays ?? 0,
          },
        }),
      );
      setSaved(t.contributionSaved);
      await client.invalidateQueries({ queryKey: ['records'] });
    } catch (e) {
      setMoneyProblems(formProblems(e));
    }
  };
  const saveDoc = async () => {
    setDocProblems(NONE);
    try {
      await call(
        api.POST('/api/programs/{code}/documents-issued', {
          params: { path: { code } },
          body: { ...doc, year, unitId: Number(doc.unitId), issuedOn: issuedOn ?? '' },
        }),
      );
      setSaved(t.documentSaved);
      await client.invalidateQueries({ queryKey: ['records'] });
    } catch (e) {
      setDocProblems(formProblems(e));
    }
  };
  const unitSelect = (value: string, onChange: (v: string) => void) => (
    <NativeSelect label={t.unit} value={value} onChange={(e) => onChange(e.currentTarget.value)} data={[{ value: '', label: t.chooseUnit }, ...options]} />
  );
  return (
    <Stack>
      <Title order={2}>
        {t.records} {year}
      </Title>
      <QueryState query={records}>
        {(r) => (
          <>
            <Title order={3} size="h4">
              {t.contributions}
            </Title>
            {r.contributions.length === 0 ? (
              <Alert color="gray" role="status">
                {fill(t.noContributions, { year })}
              </Alert>
            ) : (
              <Table aria-label={t.contributions}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.unit}</Table.Th>
                    <Table.Th>{t.budget}</Table.Th>
                    <Table.Th>{t.people}</Table.Th>
                    <Table.Th>{t.land}</Table.Th>
                    <Table.Th>{t.workdays}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.contributions.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.unitName}</Table.Td>
                      <Table.Td>{formatMoney(c.budgetAmount)}</Table.Td>
                      <Table.Td>{formatMoney(c.peopleAmount)}</Table.Td>
                      <Table.Td>{formatNumber(c.landM2)} m²</Table.Td>
                      <Table.Td>{formatNumber(c.workdays)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={3} size="h4">
              {t.documentsIssued}
            </Title>
            {r.documents.length === 0 ? (
              <Alert color="gray" role="status">
                {fill(t.noDocuments, { year })}
              </Alert>
            ) : (
              <Table aria-label={t.documentsIssued}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.docType}</Table.Th>
                    <Table.Th>{t.date}</Table.Th>
                    <Table.Th>{t.issuingBody}</Table.Th>
                    <Table.Th>{t.summaryText}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.documents.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        {d.docType} {d.number}
                      </Table.Td>
                      <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                      <Table.Td>{d.issuer}</Table.Td>
                      <Table.Td>{d.summary}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
      {manage && (
        <>
          <Title order={3} size="h4">
            {t.addContribution}
          </Title>
          {unitSelect(money.unitId, (unitId) => setMoney({ ...money, unitId }))}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NumberField
              label={t.budget}
              integer
              min={0}
              value={money.budgetAmount}
              onChange={(v) => setMoney({ ...money, budgetAmount: v })}
              error={moneyProblems.fields.budgetAmount}
            />
            <NumberField
              label={t.people}
              integer
              min={0}
              value={money.peopleAmount}
              onChange={(v) => setMoney({ ...money, peopleAmount: v })}
              error={moneyProblems.fields.peopleAmount}
            />
            <NumberField
              label={t.land}
              integer
              min={0}
              value={money.landM2}
              onChange={(v) => setMoney({ ...money, landM2: v })}
              error={moneyProblems.fields.landM2}
            />
            <NumberField
              label={t.workdays}
              integer
              min={0}
              value={money.workdays}
              onChange={(v) => setMoney({ ...money, workdays: v })}
              error={moneyProblems.fields.workdays}
            />
          </SimpleGrid>
          {moneyProblems.other && (
            <Alert color="red" role="alert">
              {moneyProblems.other}
            </Alert>
          )}
          <Group>
            <Button disabled={!money.unitId} onClick={() => void saveMoney()}>
              {t.save}
            </Button>
          </Group>
          <Title order={3} size="h4">
            {t.addDocument}
          </Title>
          {unitSelect(doc.unitId, (unitId) => setDoc({ ...doc, unitId }))}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t.issuingBody}
              value={doc.issuer}
              onChange={(e) => setDoc({ ...doc, issuer: e.currentTarget.value })}
              error={docProblems.fields.issuer}
            />
            <TextInput
              label={t.docType}
              value={doc.docType}
              onChange={(e) => setDoc({ ...doc, docType: e.currentTarget.value })}
              error={docProblems.fields.docType}
            />
            <TextInput
              label={t.docNumber}
              value={doc.number}
              onChange={(e) => setDoc({ ...doc, number: e.currentTarget.value })}
              error={docProblems.fields.number}
            />
            <DateField label={t.dateDmy} value={issuedOn} onChange={setIssuedOn} error={docProblems.fields.issuedOn} />
          </SimpleGrid>
          <TextInput
            label={t.summaryText}
            value={doc.summary}
            onChange={(e) => setDoc({ ...doc, summary: e.currentTarget.value })}
            error={docProblems.fields.summary}
          />
          {docProblems.other && (
            <Alert color="red" role="alert">
              {docProblems.other}
            </Alert>
          )}
          <Group>
            <Button disabled={!doc.unitId || !doc.number || !issuedOn} onClick={() => void saveDoc()}>
              {t.save}
            </Button>
          </Group>
          {saved && (
            <Alert color="green" role="status">
              {saved}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
