/** @jsxImportSource react */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ConsentProvider, consent } from './consent';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <ConsentProvider consent={consent}>
      <App />
    </ConsentProvider>
  </StrictMode>,
);
