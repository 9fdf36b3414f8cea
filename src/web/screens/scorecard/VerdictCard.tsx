/**
 * The live verdict, explained in words (src/core/evaluation/explain.ts), the
 * points when the set scores them, and how much is still to enter. It is
 * computed by the same engine as the server, from the same profile and title
 * history, so it cannot disagree with the stored one.
 */
import { Badge, Card, Group, Text } from '@mantine/core';
import type { Verdict } from '../../../core/evaluation/types';
import { formatNumber } from '../../../core/text/format';
import { fill, useT } from '../../i18n/index';
import { FAIL, PASS } from '../../colors';

export function VerdictCard({ verdict, sentence, done, total }: { verdict: Verdict | null; sentence: string | null; done: number; total: number }) {
  const { t } = useT();
  return (
    <Card withBorder padding="sm" id="verdict" data-testid="verdict" aria-live="polite" tabIndex={-1}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>{t.verdict}:</Text>
        {verdict ? (
          <Badge size="lg" className="kdc-badge" color={verdict.recognized ? PASS : FAIL}>
            {verdict.recognized ? (verdict.titleName ?? t.recognized) : t.notRecognized}
          </Badge>
        ) : (
          <Text size="sm">{fill(t.enteredOf, { done, total })}</Text>
        )}
      </Group>
      {sentence && (
        <Text size="sm" mt={4}>
          {sentence}
        </Text>
      )}
      {verdict?.totalPoints !== undefined && (
        <Text size="sm" mt={4}>
          {t.totalPoints}: {formatNumber(verdict.totalPoints)}/{formatNumber(verdict.maxTotalPoints ?? 0)}
        </Text>
      )}
      {verdict?.gap && verdict.gap.changes > 0 && verdict.gap.reachable && (
        <Text size="sm" mt={4}>
          {fill(t.gapSentence, {
            n: verdict.gap.changes,
            level: verdict.gap.levelName,
            codes: [...verdict.gap.criteria, ...verdict.gap.disqualifiers].join(', '),
          })}
        </Text>
      )}
    </Card>
  );
}
