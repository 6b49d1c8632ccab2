import http from 'node:http';
import https from 'node:https';
import { findUrlProblem, guardedLookup } from './webhook-targets.js';
import type { AttemptResult } from './webhooks.repository.js';

/** What of an answer is kept for the console: its first characters. */
const EXCERPT_CHARACTERS = 500;
const READ_LIMIT_BYTES = 16 * 1024;

/**
 * One POST of a signed body. Never throws: a refusal, a timeout or a broken connection is an attempt with an
 * `error` (and no status); any answer is an attempt with its status and the start of its body. Redirects are not
 * followed (a 3xx is a failed attempt), so a webhook cannot be bounced to an address the URL check refused.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivateTargets: boolean }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = findUrlProblem(url, options.allowPrivateTargets);
  if (problem) return { statusCode: null, responseExcerpt: null, durationMs: 0, error: `refused: the URL ${problem}` };
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (result: Omit<AttemptResult, 'durationMs'>) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Jobcast-Webhooks/1', ...headers },
      lookup: guardedLookup(options.allowPrivateTargets),
      agent: false,
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < READ_LIMIT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      const finish = () => settle({
        statusCode: response.statusCode ?? null,
        responseExcerpt: Buffer.concat(chunks).toString('utf8').replace(/\u0000/g, '').slice(0, EXCERPT_CHARACTERS),
        error: null,
      });
      response.on('end', finish);
      response.on('error', finish);
    });
    // The whole attempt, connection to last byte, within the timeout.
    const timer = setTimeout(() => {
      settle({ statusCode: null, responseExcerpt: null, error: `timeout: no answer within ${options.timeoutMs / 1000} s` });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => settle({ statusCode: null, responseExcerpt: null, error: error.code === 'EADDRNOTALLOWED' ? error.message : `${error.code ?? 'error'}: ${error.message}` }));
    request.end(body);
  });
}
