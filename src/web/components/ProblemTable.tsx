/**
 * The problems of a refused import, one row each, where Excel shows them
 * (sheet, row, column). On a phone the sheet's name moves above the table
 * (an import reads one sheet, so it is the same on every row) and the
 * message column wraps: every word stays readable without scrolling
 * sideways. A file with thousands of problems shows the first ones: the
 * browser stays quick, and fixing those usually fixes many of the rest.
 */
import { ScrollArea, Table, Text } from '@mantine/core';
import type { ImportProblem } from '../../core/import/sheet';
import { fill, useT } from '../i18n/index';

const SHOWN = 200;

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useT();
  const where = (p: ImportProblem) => (p.column ? `${p.column}${p.field ? ` (${p.field})` : ''}` : (p.field ?? ''));
  const sheets = [...new Set(problems.map((p) => p.sheet))].join(', ');
  return (
    <div>
      <Text size="sm" hiddenFrom="xs" mb={4}>
        {t.problemSheet}: {sheets}
      </Text>
      <ScrollArea type="auto" offsetScrollbars="present">
        <Table striped withTableBorder miw={300} horizontalSpacing={8} aria-label={t.problemMessage} data-testid="import-problems" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th visibleFrom="xs">{t.problemSheet}</Table.Th>
              <Table.Th>{t.problemRow}</Table.Th>
              <Table.Th>{t.problemColumn}</Table.Th>
              <Table.Th>{t.problemMessage}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.slice(0, SHOWN).map((p, i) => (
              <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
                <Table.Td visibleFrom="xs" maw={160} style={{ overflowWrap: 'anywhere' }}>
                  {p.sheet}
                </Table.Td>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{where(p)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {problems.length > SHOWN && (
        <Text size="sm" mt={4}>
          {fill(t.moreProblems, { n: problems.length - SHOWN })}
        </Text>
      )}
    </div>
  );
}
