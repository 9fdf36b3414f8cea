/**
 * Starts the app with only what the login form needs: React and the form
 * with its own small stylesheet. The component library, the router and the
 * screens load after (Boot.tsx, AppRoot.tsx).
 */
import './login.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './Boot';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);

// The offline app's service worker, once the page has loaded: it must not compete with the first screen on a slow link.
if ('serviceWorker' in navigator && import.meta.env.PROD)
  window.addEventListener('load', () => {
    void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js').register());
  });
