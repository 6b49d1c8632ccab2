/**
 * The seekers of bench/apply-burst.bench.ts, in their own process: each request is sent at its scheduled
 * moment (evenly spread over the window) over keep-alive HTTP on loopback, and its latency recorded.
 */
export type BurstRequest = { method: 'GET' | 'POST'; path: string; cookie: string; body?: unknown; tag: string };
export type BurstCommand = { type: 'run'; baseUrl: string; requests: BurstRequest[]; windowMs: number };
export type BurstResponse = { tag: string; status: number; latencyMs: number; body: unknown };
export type BurstReport = { type: 'done'; responses: BurstResponse[]; wallMs: number };

process.on('message', async (command: BurstCommand) => {
  const started = Date.now();
  const gap = command.windowMs / command.requests.length;
  const responses = await Promise.all(command.requests.map(async (request, index) => {
    const due = started + index * gap;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    try {
      const response = await fetch(`${command.baseUrl}${request.path}`, {
        method: request.method,
        headers: { cookie: request.cookie, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        body: request.body ? JSON.stringify(request.body) : undefined,
      });
      const body: unknown = await response.json().catch(() => null);
      return { tag: request.tag, status: response.status, latencyMs: performance.now() - sentAt, body };
    } catch (error) {
      return { tag: request.tag, status: 0, latencyMs: performance.now() - sentAt, body: `${String(error)}${error instanceof Error && error.cause ? ` (${String((error.cause as { code?: string }).code ?? error.cause)})` : ''}` };
    }
  }));
  process.send?.({ type: 'done', responses, wallMs: Date.now() - started } satisfies BurstReport);
});
process.on('disconnect', () => process.exit(0));
