import { createApp, createContext, startLiveRuntime } from './app.js';
import { ConfigError, LISTEN_BACKLOG, loadConfig } from './platform/config.js';
import { DataDirBusyError } from './platform/data-dir-lock.js';
import { seedDemoDataIfEmpty } from './modules/demo/index.js';
import { randomBytes } from 'node:crypto';
import { registerOperatorCliRoute } from '../../cli/remote.js';

async function main() {
  const startedAt = Date.now();
  const config = loadConfig();
  const context = await createContext(config, { purpose: 'server' });
  const seeded = await seedDemoDataIfEmpty(context);
  const app = await createApp(context);
  const operatorToken = randomBytes(24).toString('base64url');
  registerOperatorCliRoute(app, context, operatorToken);
  const liveRuntime = await startLiveRuntime(app, context);

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    await liveRuntime.stop();
    await app.close();
    await context.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  context.lock?.advertiseServer(port, operatorToken);
  app.log.info(
    { database: context.db.kind, demoData: seeded ? 'created' : 'unchanged', readyInMs: Date.now() - startedAt },
    `Jobcast is ready on http://localhost:${port} (API docs: /docs)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
