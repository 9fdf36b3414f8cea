/**
 * The Mantine theme. Red 9 passes WCAG AA for text and controls on white and on the light backgrounds of alerts.
 * An alert's title is written in the text colour: Mantine colours it with the alert's own colour, and orange
 * or yellow on their light background falls below 4.5:1 (axe found it on the scorecard's notices).
 */
import { Alert, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 9,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  components: { Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }) },
});
