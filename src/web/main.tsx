import '@mantine/core/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Red 8 on white passes WCAG AA for text and controls.
const theme = createTheme({ primaryColor: 'red', primaryShade: 8, fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
