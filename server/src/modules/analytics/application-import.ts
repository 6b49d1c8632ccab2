import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { GeoService } from '../geo/index.js';
import * as repository from './analytics.repository.js';
import type { StagedApplication } from './analytics.repository.js';

export const REQUIRED_COLUMNS = ['applied_at', 'seeker_city', 'job_city', 'job_category', 'industry'] as const;
export const OPTIONAL_COLUMNS = ['company', 'job_title', 'session_id'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const BATCH_SIZE = 5_000;
const PROGRESS_EVERY = 20_000;
const MAX_TEXT = 200;
const CHINA_OFFSET_MINUTES = 8 * 60;

export type ImportProgress = { rows: number; bytes: number; phase: 'reading' | 'writing' | 'done' };
export type ImportResult = { importId: number; rows: number; firstAppliedAt: string; lastAppliedAt: string };

/** A rejected file: names the data row (1 = first row after the header), its line, the column and why. */
export class ImportRowError extends AppError {
  constructor(rowNumber: number, lineNumber: number, column: string | null, reason: string) {
    const where = `row ${rowNumber} (line ${lineNumber})${column ? `, column ${column}` : ''}`;
    super('validation_failed', `Import rejected, nothing was written / 导入失败，未写入任何数据: ${where}: ${reason}`, {
      row: rowNumber,
      line: lineNumber,
      fields: [{ path: column ?? `row ${rowNumber}`, message: reason }],
    });
  }
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 date or date-time; without an offset it is China Standard Time (UTC+8), as the issue says.
 * Returns the instant as an ISO string in UTC, or a reason it is not acceptable.
 */
export function parseAppliedAt(value: string, now: Date = new Date()): { ok: true; iso: string } | { ok: false; reason: string } {
  const match = TIMESTAMP_PATTERN.exec(value.trim());
  if (!match) return { ok: false, reason: `"${value}" is not an ISO 8601 date or time (e.g. 2022-08-01T09:30:00+08:00) / 时间格式不正确` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millisecond = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return { ok: false, reason: `"${value}" is not a calendar date / 日期不存在` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `"${value}" is not a valid time of day / 时间不正确` };
  let offsetMinutes = CHINA_OFFSET_MINUTES;
  const offset = match[8];
  if (offset && offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || 0);
    if (hours > 14 || minutes > 59) return { ok: false, reason: `"${value}" has an impossible UTC offset / 时区偏移不正确` };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else if (offset) {
    offsetMinutes = 0;
  }
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  if (year < 2000) return { ok: false, reason: `"${value}" is before 2000 / 时间早于 2000 年` };
  if (instant > now.getTime()) return { ok: false, reason: `"${value}" is in the future / 时间晚于当前时间` };
  return { ok: true, iso: new Date(instant).toISOString() };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkHeader(header: string[]): Column[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const unknown = names.filter((name) => !known.has(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
  const problems = [
    missing.length ? `missing column(s) ${missing.join(', ')}` : '',
    unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
    duplicated.length ? `repeated column(s) ${duplicated.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) {
    throw new AppError('validation_failed', `Import rejected, nothing was written / 导入失败: header: ${problems.join('; ')}. Expected ${REQUIRED_COLUMNS.join(',')} (optional: ${OPTIONAL_COLUMNS.join(', ')})`, {
      fields: [{ path: 'header', message: problems.join('; ') }],
    });
  }
  return names as Column[];
}

/** A record's value by column name (the header decides the positions). */
export type RowValues = (column: Column) => string | undefined;

/** Validates one record into a staged row; throws ImportRowError naming the row and column. */
export function parseImportRow(value: RowValues, rowNumber: number, lineNumber: number, geo: GeoService, now: Date): StagedApplication {
  const fail = (column: Column | null, reason: string): never => {
    throw new ImportRowError(rowNumber, lineNumber, column, reason);
  };
  const required = (column: Column) => {
    const text = (value(column) ?? '').trim();
    if (!text) fail(column, 'missing value / 缺少必填值');
    return text;
  };
  const optionalText = (column: Column) => {
    const text = (value(column) ?? '').trim();
    if (text.length > MAX_TEXT) fail(column, `longer than ${MAX_TEXT} characters / 超过 ${MAX_TEXT} 个字符`);
    return text || null;
  };

  const appliedAt = parseAppliedAt(required('applied_at'), now);
  if (!appliedAt.ok) return fail('applied_at', appliedAt.reason);
  const seekerCityKey = required('seeker_city');
  const seekerCity = geo.findCity(seekerCityKey) ?? fail('seeker_city', `unknown city "${seekerCityKey}" (6-digit code, 苏州 or 苏州市) / 未知城市`);
  const jobCityKey = required('job_city');
  const jobCity = geo.findCity(jobCityKey) ?? fail('job_city', `unknown city "${jobCityKey}" (6-digit code, 苏州 or 苏州市) / 未知城市`);
  const categoryKey = required('job_category');
  const category = geo.findCategory(categoryKey) ?? fail('job_category', `unknown job category "${categoryKey}" (code such as general_worker, or 普工) / 未知岗位类别`);
  const industryKey = required('industry');
  const industry = geo.findIndustry(/^[a-t]$/.test(industryKey) ? industryKey.toUpperCase() : industryKey)
    ?? fail('industry', `unknown industry "${industryKey}" (GB/T 4754 section letter such as C, or 制造业) / 未知行业`);
  const sessionId = optionalText('session_id');
  if (sessionId && !UUID_PATTERN.test(sessionId)) fail('session_id', `"${sessionId}" is not a session id (UUID) / 直播场次编号格式不正确`);

  return {
    rowNumber,
    lineNumber,
    appliedAt: appliedAt.iso,
    seekerCityCode: seekerCity.code,
    jobCityCode: jobCity.code,
    categoryCode: category.code,
    industryCode: industry.code,
    companyName: optionalText('company'),
    jobTitle: optionalText('job_title'),
    sessionId: sessionId?.toLowerCase() ?? null,
  };
}

type ParsedRecord = { record: string[]; info: { lines: number } };

/** Records in the batches the parser has ready: synchronous reads, no promise per record. */
async function* readRecordBatches(parser: ReturnType<typeof parse>): AsyncGenerator<ParsedRecord[]> {
  for (;;) {
    const records: ParsedRecord[] = [];
    let item: ParsedRecord | null;
    while ((item = parser.read() as ParsedRecord | null) !== null) records.push(item);
    if (records.length) yield records;
    if (parser.errored) throw parser.errored;
    if (parser.readableEnded) return;
    await new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        parser.off('readable', done);
        parser.off('end', done);
        parser.off('error', fail);
      };
      const done = () => {
        cleanup();
        resolve();
      };
      const fail = (error: Error) => {
        cleanup();
        reject(error);
      };
      parser.on('readable', done);
      parser.on('end', done);
      parser.on('error', fail);
    });
  }
}

/**
 * Streams a CSV into a temporary table inside one transaction, checking every row; any bad row aborts the
 * transaction, so nothing is written. The rows then reach `applications` in one statement, so the
 * rollup triggers aggregate once and hold their row locks only for that last statement.
 */
export async function importApplicationsCsv(
  deps: { db: Db; geo: GeoService },
  input: Readable,
  options: { fileName?: string; onProgress?: (progress: ImportProgress) => void; now?: Date } = {},
): Promise<ImportResult> {
  const { db, geo } = deps;
  const now = options.now ?? new Date();
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const parser = parse({ bom: true, skip_empty_lines: true, info: true, relax_quotes: false });
  input.on('error', (error) => meter.destroy(error));
  meter.on('error', (error) => parser.destroy(error));
  // Errors reach the reader through `parser.errored`; this listener keeps a parse error that happens after
  // the reader stopped (a bad row already rejected the file) from becoming an uncaught exception.
  parser.on('error', () => {});
  input.pipe(meter).pipe(parser);

  try {
    return await db.transaction(async (tx) => {
      await repository.createImportStaging(tx);
      let rows = 0;
      let batch: StagedApplication[] = [];
      let positions: Map<Column, number> | null = null;
      let fields: string[] = [];
      const value: RowValues = (column) => {
        const position = positions!.get(column);
        return position === undefined ? undefined : fields[position];
      };
      try {
        for await (const records of readRecordBatches(parser)) {
          for (const { record, info } of records) {
            if (!positions) {
              positions = new Map(checkHeader(record).map((column, index) => [column, index]));
              continue;
            }
            if (record.length !== positions.size) {
              throw new ImportRowError(rows + 1, info.lines, null, `the CSV is malformed: ${record.length} fields where the header has ${positions.size} / 列数与表头不符`);
            }
            rows += 1;
            // Bytes that are not UTF-8 (a CSV saved by Excel in GBK) decode to U+FFFD: say so, not "unknown city".
            if (record.some((field) => field.includes('\uFFFD'))) {
              throw new ImportRowError(rows, info.lines, null, 'the file is not UTF-8 text (GBK?): in Excel save it as “CSV UTF-8” / 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”');
            }
            fields = record;
            batch.push(parseImportRow(value, rows, info.lines, geo, now));
            if (batch.length >= BATCH_SIZE) {
              await repository.insertStagedApplications(tx, batch);
              batch = [];
            }
            if (rows % PROGRESS_EVERY === 0) options.onProgress?.({ rows, bytes, phase: 'reading' });
          }
        }
      } catch (error) {
        if (error instanceof CsvError) {
          const line = Number((error as CsvError & { lines?: number }).lines ?? 0);
          throw new ImportRowError(rows + 1, line, null, `the CSV is malformed: ${error.message}`);
        }
        throw error;
      }
      if (batch.length) await repository.insertStagedApplications(tx, batch);
      options.onProgress?.({ rows, bytes, phase: 'writing' });
      if (rows === 0) throw new AppError('validation_failed', 'Import rejected: the file has no data rows / 文件中没有数据行', { fields: [{ path: 'file', message: 'no data rows' }] });

      const unknownSession = await repository.findFirstStagedRowWithUnknownSession(tx);
      if (unknownSession) throw new ImportRowError(unknownSession.rowNumber, unknownSession.lineNumber, 'session_id', `no live session ${unknownSession.sessionId} / 直播场次不存在`);
      const contentSha256 = hash.digest('hex');
      const earlier = await repository.findImportByContentHash(tx, contentSha256);
      if (earlier) {
        throw new AppError('conflict', `This file was already imported (import #${earlier.id}, ${earlier.rowCount} rows, ${new Date(earlier.importedAt).toISOString()}); nothing was written / 该文件已导入过`, { importId: earlier.id });
      }
      const created = await repository.insertImportFromStaging(tx, { contentSha256, fileName: options.fileName ?? 'stdin' });
      options.onProgress?.({ rows, bytes, phase: 'done' });
      return {
        importId: created.id,
        rows: created.rowCount,
        firstAppliedAt: new Date(created.firstAppliedAt).toISOString(),
        lastAppliedAt: new Date(created.lastAppliedAt).toISOString(),
      };
    });
  } finally {
    input.unpipe(meter);
    if (!input.destroyed) input.destroy();
    meter.destroy();
    parser.destroy();
  }
}
