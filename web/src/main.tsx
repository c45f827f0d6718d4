/**
 * @module web/main
 * Entry point of the Peerline web app: mounts the router into `#root`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router.js';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain <div id="root">.');
}

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
