/** An address the app does not know: said plainly, with the way home. */
import { Alert } from '@mantine/core';
import { AnchorLink } from './links';
import { useT } from '../i18n/index';

export function NotFound() {
  const { t } = useT();
  return (
    <Alert color="gray" title={t.pageNotFound} role="alert">
      <AnchorLink to="/">{t.backHome}</AnchorLink>
    </Alert>
  );
}
