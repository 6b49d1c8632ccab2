import type { CommandRegistrar } from '../program.js';

/** Operators schedule live sessions and hand the host OBS's two fields. */
export const registerSessionsCommands: CommandRegistrar = (program, io, withContext) => {
  const sessions = program.command('sessions').description('Live recruitment sessions (直播带岗)');

  sessions
    .command('create')
    .description('Schedule a live session and print its RTMP server, stream key and playback URLs')
    .requiredOption('--title <title>', 'session title')
    .requiredOption('--host <email>', "the host's sign-in email (a host, employer, bureau or admin account)")
    .option('--starts-at <iso>', 'start time, ISO 8601 (default: now)')
    .option('--job <id...>', 'job ids to present (repeatable)')
    .option('--cover <text>', 'cover text shown before the session starts', '')
    .option('--city <city>', 'city code or name')
    .option('--json', 'print JSON: {"id","rtmpUrl","streamKey","flvUrl","watchUrl"}')
    .action(async (options: { title: string; host: string; startsAt?: string; job?: string[]; cover: string; city?: string; json?: boolean }) => {
      const startsAt = options.startsAt ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(startsAt))) throw new Error(`--starts-at "${options.startsAt}" is not an ISO date-time (e.g. 2026-12-01T19:30:00+08:00)`);
      await withContext(async (context) => {
        const host = await context.live.findUserByEmail(options.host);
        if (!host) throw new Error(`--host: no account with the email ${options.host} (create one with: jobcast user create --role host --email ${options.host})`);
        if (!['host', 'employer', 'bureau', 'admin'].includes(host.role)) throw new Error(`--host: ${options.host} is a ${host.role}; a session's host is a host, employer, bureau or admin account`);
        const city = options.city ? context.geo.findCity(options.city) : null;
        if (options.city && !city) throw new Error(`--city "${options.city}" is not a city code or name`);
        const session = await context.live.scheduleSession(host, {
          title: options.title,
          startsAt: new Date(startsAt).toISOString(),
          jobIds: options.job ?? [],
          coverText: options.cover,
          cityCode: city?.code,
        });
        const key = await context.live.getStreamKey(host, session.id);
        const watchUrl = `${context.config.publicUrl.replace(/\/+$/, '')}/live/${session.id}`;
        const result = { id: session.id, rtmpUrl: key.rtmpUrl, streamKey: key.streamKey, flvUrl: session.playback.flvUrl, watchUrl };
        if (options.json) {
          io.out(`${JSON.stringify(result)}\n`);
          return;
        }
        io.out(
          `Scheduled "${session.title}" (${session.id}) for ${session.startsAt}, host ${host.displayName}\n` +
            `OBS → Settings → Stream → Service: Custom\n  Server:     ${key.rtmpUrl}\n  Stream key: ${key.streamKey}\n` +
            `Watch: ${watchUrl}\nHTTP-FLV: ${result.flvUrl ?? '(external media server: see MEDIA_FLV_URL_TEMPLATE)'}\n` +
            'Keep the stream key secret; rotate it from the host console if it leaks.\n',
        );
      });
    });

  sessions
    .command('list')
    .description('Live and upcoming sessions (or --status ended)')
    .option('--status <statuses>', 'comma-separated: scheduled,live,ended', 'live,scheduled')
    .option('--json', 'print JSON')
    .action(async (options: { status: string; json?: boolean }) => {
      const statuses = options.status.split(',').map((item) => item.trim());
      for (const status of statuses) if (!['scheduled', 'live', 'ended'].includes(status)) throw new Error(`--status: "${status}" is not scheduled, live or ended`);
      await withContext(async (context) => {
        const list = await context.live.listSessions(null, { status: statuses as Array<'scheduled' | 'live' | 'ended'>, limit: 100 });
        if (options.json) {
          io.out(`${JSON.stringify(list)}\n`);
          return;
        }
        if (list.length === 0) io.out('No sessions.\n');
        for (const item of list) io.out(`${item.id}  ${item.status.padEnd(9)}  ${item.startsAt}  ${item.title}  (host ${item.hostName}, ${item.jobCount} jobs, ${item.bookingCount} booked)\n`);
      });
    });
};
