import { lazy, Suspense, useState } from 'react';
import type { ApplyController } from './use-apply';

const ApplySheet = lazy(() => import('./apply-sheet').then((module) => ({ default: module.ApplySheet })));

/**
 * The apply sheet for pages outside the live room (job list, job page, company and host pages): its form
 * loads on the first tap that needs it, keeping those first screens small (web/size-budget.json). A seeker
 * with a quick profile applies in one tap and never loads it.
 */
export function LazyApplySheet({ controller }: { controller: ApplyController }) {
  const [isNeeded, setIsNeeded] = useState(false);
  if (controller.sheet && !isNeeded) setIsNeeded(true);
  if (!isNeeded && !controller.sheet) return null;
  return (
    <Suspense fallback={null}>
      <ApplySheet controller={controller} />
    </Suspense>
  );
}
