/**
 * The top of a programme's own pages (settings, criteria versions, printable
 * form): its name and owner, and the way between them. The programme in the
 * path and the one in the context (?program) are kept the same: arriving by
 * a link puts this programme in the context; switching the programme at the
 * top of the screen opens the same page of the one chosen.
 */
import { Group, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { ProgramDetail } from '../../api/types';
import { useProgramYear } from '../../context';
import { AnchorLink } from '../../components/links';
import { useAdminT } from './text';

type Page = 'settings' | 'criteria' | 'form';

export function useProgramInContext(code: string, page: Page): void {
  const navigate = useNavigate();
  const { programs } = useProgramYear();
  const search = useSearch({ strict: false }) as { program?: string };
  const last = useRef(search.program);
  useEffect(() => {
    const before = last.current;
    last.current = search.program;
    if (!search.program || search.program === code) return;
    if (before === code) void navigate({ to: `/programs/$code/${page}`, params: { code: search.program }, search: (s: Record<string, unknown>) => s });
    else if (programs.some((p) => p.code === code))
      void navigate({ to: '.', search: (s: Record<string, unknown>) => ({ ...s, program: code }), replace: true });
  }, [search.program, code, page, programs, navigate]);
}

export function ProgramHeader({ program, page }: { program: ProgramDetail; page: Page }) {
  const t = useAdminT();
  const links: Array<{ page: Page; label: string; show: boolean }> = [
    { page: 'settings', label: t.settings, show: program.canAdminister },
    { page: 'criteria', label: t.criteriaVersions, show: true },
    { page: 'form', label: t.printForm, show: true },
  ];
  return (
    <div className="kdc-no-print">
      <Title order={2}>{program.name}</Title>
      <Text size="sm" c="gray.7">
        {t.ownedBy}: {program.ownerUnitName} · {t.years}: {program.fromYear ?? '–'}–{program.toYear ?? '–'}
      </Text>
      <Group gap="md" mt={6} component="nav" aria-label={program.name}>
        <AnchorLink to="/programs" size="sm">
          {t.programs}
        </AnchorLink>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <AnchorLink
              key={l.page}
              to={`/programs/$code/${l.page}`}
              params={{ code: program.code }}
              size="sm"
              fw={l.page === page ? 700 : 400}
              aria-current={l.page === page ? 'page' : undefined}
            >
              {l.label}
            </AnchorLink>
          ))}
      </Group>
    </div>
  );
}
