/**
 * The long scorecard made workable on a phone: a bar that stays at the top
 * while scrolling, with every standard and its progress (tap to jump), "next
 * criterion without a value", and the verdict one tap away.
 */
import { Button, Group, ScrollArea } from '@mantine/core';
import type { CriteriaSet } from '../../../core/criteria/schema';
import type { Verdict } from '../../../core/evaluation/types';
import { fill, useT } from '../../i18n/index';
import { nextEmpty, type Draft, type progress, type Skip } from './values';
import { PASS } from '../../colors';

function jump(id: string, focus = false) {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  if (focus) (target.querySelector('input:not([disabled]), button:not([disabled]), [role="radio"]') as HTMLElement | null)?.focus({ preventScroll: true });
}

export function SectionIndex({
  set,
  draft,
  skip,
  counts,
  verdict,
}: {
  set: CriteriaSet;
  draft: Draft;
  skip: Skip;
  counts: ReturnType<typeof progress>;
  verdict: Verdict | null;
}) {
  const { t } = useT();
  const next = nextEmpty(set, draft, skip);
  return (
    <nav className="kdc-index" aria-label={t.sectionIndex} data-testid="section-index">
      <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
        <Group gap={6} wrap="nowrap" py={4}>
          {set.sections.map((s, i) => {
            const c = counts.sections[i]!;
            return (
              <Button
                key={s.code}
                size="compact-sm"
                style={{ flexShrink: 0 }}
                variant={c.done === c.total ? 'filled' : 'default'}
                color={c.done === c.total ? PASS : undefined}
                onClick={() => jump(`section-${s.code}`)}
              >
                <span className="kdc-sr">{t.standard} </span>
                {s.code} · {c.done}/{c.total}
              </Button>
            );
          })}
          {set.disqualifiers.length > 0 && (
            <Button size="compact-sm" variant="default" style={{ flexShrink: 0 }} onClick={() => jump('section-disqualifiers')}>
              {t.disqualifiersShort} · {counts.disqualifiers.done}/{counts.disqualifiers.total}
            </Button>
          )}
        </Group>
      </ScrollArea>
      <Group gap={6} wrap="nowrap" pb={4}>
        <Button size="compact-sm" style={{ flexShrink: 0 }} onClick={() => next && jump(`criterion-${next}`, true)} disabled={!next}>
          {next ? fill(t.nextEmpty, { code: next }) : t.allEntered}
        </Button>
        <Button
          size="compact-sm"
          variant="outline"
          style={{ flexShrink: 0 }}
          onClick={() => {
            jump('verdict');
            document.getElementById('verdict')?.focus({ preventScroll: true });
          }}
        >
          {t.verdict}: {verdict ? (verdict.recognized ? t.recognized : t.notRecognized) : `${counts.done}/${counts.total}`}
        </Button>
      </Group>
    </nav>
  );
}
