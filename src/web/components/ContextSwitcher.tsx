/**
 * The programme and year every screen works in, switched in one place at the
 * top of each screen. A switch changes the address (?program, ?year): the
 * back button undoes it and the link can be shared.
 */
import { Group, NativeSelect, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ProgramYear } from '../context';
import { useT } from '../i18n/index';

export function ContextSwitcher({ context }: { context: ProgramYear }) {
  const { t } = useT();
  const navigate = useNavigate();
  if (!context.program) return null;
  const go = (change: { program?: string; year?: number }) => void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, ...change }) });
  return (
    <div data-testid="context-switcher">
      <Group gap="xs" align="end" wrap="nowrap">
        <NativeSelect
          label={t.program}
          value={context.program.code}
          style={{ flex: 1, minWidth: 0 }}
          size="sm"
          onChange={(e) => go({ program: e.currentTarget.value })}
          data={context.programs.map((p) => ({ value: p.code, label: p.name }))}
        />
        <NativeSelect
          label={t.year}
          value={String(context.year)}
          w={96}
          size="sm"
          onChange={(e) => go({ year: Number(e.currentTarget.value) })}
          data={context.years.map((y) => String(y))}
        />
      </Group>
      {/* A phone's select cuts a long programme name: the whole name is written out under it. */}
      <Text size="sm" hiddenFrom="sm" mt={4}>
        {context.program.name}
      </Text>
    </div>
  );
}
