/**
 * The programme's criteria set for the chosen year, laid out as the blank
 * form an area fills on paper: each standard with its criteria and a column
 * to mark, the cases that rule an area out, the titles and what each needs,
 * and the signatures. Read-only; "In" prints it (the menus and buttons are
 * left off the page by the print styles); the same form comes as a Word file
 * (GET /api/programs/:code/criteria/form) for a commune that edits it.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Fragment } from 'react';
import { queries } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useProgramYear } from '../../context';
import { fill } from '../../i18n/index';
import { SUBJECT_NAMES, type CriteriaSet, type Criterion, type CriterionPart, type Level } from '../../../core/criteria/schema';
import { maxPointsOf, wordingParts } from '../../../core/criteria/walk';
import { formatNumber } from '../../../core/text/format';
import { ProgramHeader, useProgramInContext } from './ProgramHeader';
import { useAdminT, type AdminText } from './text';
import './admin.css';

export default function CriteriaForm() {
  const { code } = useParams({ from: '/programs/$code/form' });
  useProgramInContext(code, 'form');
  const t = useAdminT();
  const { year } = useProgramYear();
  const detail = useQuery(queries.program(code));
  const set = useQuery({ ...queries.criteria(code, year), enabled: detail.isSuccess });
  return (
    <QueryState query={detail}>
      {(p) => (
        <Stack>
          <ProgramHeader program={p} page="form" />
          <Group className="kdc-no-print" justify="space-between" align="center">
            <Text size="sm">{t.printIntro}</Text>
            <Group gap="sm">
              <Anchor href={`/api/programs/${encodeURIComponent(p.code)}/criteria/form?year=${year}`} size="sm" download>
                {t.downloadDocx}
              </Anchor>
              <Button onClick={() => window.print()}>{t.print}</Button>
            </Group>
          </Group>
          {set.isError || set.data ? (
            <QueryState query={set}>{(s) => <PaperForm set={s} programName={p.name} issuingBody={p.settings.issuingBody} year={year} />}</QueryState>
          ) : (
            <Alert color="gray" role="status">
              {t.reading}
            </Alert>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function resultCell(item: Criterion | CriterionPart, t: AdminText): string {
  if (item.kind === 'points') return fill(t.points, { max: formatNumber(maxPointsOf(item)) });
  if (item.kind === 'quantity' && item.quantity) return item.quantity.measure === 'percent' ? '……… %' : '………';
  return t.resultPassFail;
}

function Wording({ item }: { item: Criterion | CriterionPart }) {
  return (
    <>
      {wordingParts(item, null).map((w, i) => (
        <div key={i}>
          {w.lead ? `${w.lead} ` : ''}
          {w.text}
        </div>
      ))}
    </>
  );
}

function levelConditions(level: Level, set: CriteriaSet, t: AdminText): string {
  const r = level.rule;
  const words: string[] = [];
  if (r.minSectionPassPercent !== undefined) words.push(fill(t.minSection, { p: formatNumber(r.minSectionPassPercent) }));
  if (r.minTotalPoints) words.push(fill(t.minTotal, { v: `${formatNumber(r.minTotalPoints.value)}${r.minTotalPoints.as === 'percent' ? '%' : ''}` }));
  if (r.requiredCriteria?.length) words.push(`tiêu chí ${r.requiredCriteria.join(', ')} phải đạt`);
  if (r.knockoutCriteria?.length) words.push(`điểm liệt: ${r.knockoutCriteria.join(', ')}`);
  if (r.requiresHistory) {
    const codes = Array.isArray(r.requiresHistory.level) ? r.requiresHistory.level : [r.requiresHistory.level];
    words.push(fill(t.requires, { t: codes.map((c) => set.levels.find((l) => l.code === c)?.name ?? c).join(' hoặc ') }));
  }
  if (set.disqualifiers.length && r.disqualifiers !== undefined && r.disqualifiers !== 'all' && !r.disqualifiers.length) return words.join('; ');
  if (set.disqualifiers.length) words.push('không thuộc trường hợp không xét công nhận');
  return words.join('; ');
}

function PaperForm({ set, programName, issuingBody, year }: { set: CriteriaSet; programName: string; issuingBody: string | null; year: number }) {
  const t = useAdminT();
  const subject = SUBJECT_NAMES[set.subject];
  return (
    <article className="kdc-paper" data-testid="paper-form" aria-label={`${t.printForm} ${year}`}>
      {issuingBody && (
        <div className="kdc-center" style={{ fontWeight: 700 }}>
          {issuingBody.toUpperCase()}
        </div>
      )}
      <h2 className="kdc-center" style={{ margin: '12px 0 4px', fontSize: '1.2em' }}>
        {t.formHeading}
      </h2>
      <div className="kdc-center" style={{ fontWeight: 700 }}>
        {programName} — {t.formYear} {year}
      </div>
      <div className="kdc-center" style={{ fontStyle: 'italic', marginBottom: 12 }}>
        ({t.basis}: {set.legalBasis.documentType} số {set.legalBasis.number} của {set.legalBasis.issuer})
      </div>
      <p>
        Tên {subject}: <span className="kdc-fill">&nbsp;</span>
      </p>
      {set.subject === 'area' && (
        <p>
          {t.formCommune}: <span className="kdc-fill">&nbsp;</span>
        </p>
      )}

      {set.sections.map((section) => (
        <section key={section.code}>
          <h3 style={{ fontSize: '1.05em', margin: '14px 0 2px' }}>
            {section.code}. {section.title}
          </h3>
          <table>
            <thead>
              <tr>
                <th className="kdc-col-no">{t.no}</th>
                <th>{t.content}</th>
                <th className="kdc-col-result">{t.result}</th>
                <th className="kdc-col-note kdc-hide-narrow">{t.evidence}</th>
              </tr>
            </thead>
            <tbody>
              {section.criteria.map((c) => (
                <Fragment key={c.code}>
                  <tr>
                    <td>{c.code}</td>
                    <td>
                      <Wording item={c} />
                    </td>
                    <td>{c.parts?.length ? '' : resultCell(c, t)}</td>
                    <td className="kdc-hide-narrow" />
                  </tr>
                  {c.parts?.map((part) => (
                    <tr key={part.code} className="kdc-part">
                      <td>{part.code}</td>
                      <td>
                        <Wording item={part} />
                      </td>
                      <td>{resultCell(part, t)}</td>
                      <td className="kdc-hide-narrow" />
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      {set.disqualifiers.length > 0 && (
        <section>
          <h3 style={{ fontSize: '1.05em', margin: '14px 0 2px' }}>{t.disqualifiersTitle}</h3>
          <table>
            <thead>
              <tr>
                <th className="kdc-col-no">{t.no}</th>
                <th>{t.content}</th>
                <th className="kdc-col-result">{t.occurs}</th>
              </tr>
            </thead>
            <tbody>
              {set.disqualifiers.map((d) => (
                <tr key={d.code}>
                  <td>{d.code}</td>
                  <td>{d.text}</td>
                  <td>{t.occurs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h3 style={{ fontSize: '1.05em', margin: '14px 0 2px' }}>{t.titlesTitle}</h3>
        <table>
          <thead>
            <tr>
              <th className="kdc-col-title">{t.forTitle}</th>
              <th>{t.content}</th>
            </tr>
          </thead>
          <tbody>
            {[...set.levels]
              .sort((a, b) => a.rank - b.rank)
              .map((l) => (
                <tr key={l.code}>
                  <td>{l.name}</td>
                  <td>{levelConditions(l, set, t)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>

      <div className="kdc-signs">
        <div>
          <strong>{set.subject === 'area' ? t.signBoard : t.signMaker}</strong>
          <div>
            <em>{t.signNote}</em>
          </div>
        </div>
        <div>
          <strong>{set.subject === 'area' ? t.signArea : t.signHead}</strong>
          <div>
            <em>{t.signNote}</em>
          </div>
        </div>
      </div>
    </article>
  );
}
