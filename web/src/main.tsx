/**
 * @module web/main
 * Entry point of the Peerline web app: mounts the router into `#root`, inside the API answers' cache.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/index.js';
import { router } from './router.js';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain <div id="root">.');
}

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
