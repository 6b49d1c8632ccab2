import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import './app/global.css';
import './app/i18n';
import { whenPrefetched } from './app/prefetch';
import { Providers } from './app/providers';
import { router } from './app/router';

const container = document.getElementById('root')!;
// The first render as a transition: React then works in slices of a few milliseconds and lets the phone handle
// taps and scrolling in between, instead of holding the main thread for the whole app at once.
const render = () =>
  startTransition(() =>
    createRoot(container).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  );

// The server may have filled #root with the page's content (the job list, a job: server/src/modules/jobs/jobs.pages.ts).
// Keep it on screen until the first page's code and data are in, rather than swapping it for a spinner or a
// skeleton: the app's first paint then draws the same cards in the same places.
if (container.hasChildNodes()) {
  const renderWithData = () => void whenPrefetched().then(render);
  if (router.state.initialized) renderWithData();
  else {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      renderWithData();
    });
  }
} else {
  render();
}

// The service worker (web/build/service-worker.js) keeps the app shell and the last job list for offline use;
// registered after the page has loaded so that it never competes with the first screen.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
