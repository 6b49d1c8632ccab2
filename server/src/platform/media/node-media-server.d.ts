// node-media-server 4.x ships no TypeScript types (the @types package describes v2): the parts Jobcast uses.
declare module 'node-media-server' {
  import type { Server as NetServer } from 'node:net';
  import type { IncomingMessage, Server as HttpServer } from 'node:http';

  export type NmsSession = {
    id: string;
    ip: string;
    protocol: string;
    streamApp: string;
    streamName: string;
    streamPath: string;
    streamQuery: Record<string, string | string[] | undefined> | null;
    isPublisher: boolean;
    createTime: number;
    endTime: number;
    inBytes: number;
    outBytes: number;
    filePath: string;
    broadcast?: NmsBroadcast;
    /** HTTP-FLV and WS-FLV sessions: the request that opened them. */
    req?: IncomingMessage;
    /** HTTP-FLV: the ServerResponse; WS-FLV: the WebSocket. */
    res?: { writableLength?: number; bufferedAmount?: number };
    /** RTMP sessions: the TCP socket. */
    socket?: { writableLength?: number; destroy?(): void };
    close(): void;
  };

  export type NmsBroadcast = {
    publisher: NmsSession | null;
    subscribers: Map<string, NmsSession>;
    publishGraceMs: number;
    getPublishStatus(): 'publishing' | 'reconnecting' | 'idle';
  };

  export type NmsConfig = {
    bind?: string;
    rtmp?: { port?: number };
    http?: { port?: number };
    record?: { path?: string; auto?: boolean };
    store?: { path?: string };
    webadmin?: { enable?: boolean };
    auth?: { play?: boolean; publish?: boolean; secret?: string };
  };

  export default class NodeMediaServer {
    constructor(config: NmsConfig, configPath?: string);
    on(event: 'prePublish' | 'postPublish' | 'donePublish' | 'prePlay' | 'postPlay' | 'donePlay' | 'postRecord' | 'doneRecord', listener: (session: NmsSession) => void): void;
    run(): Promise<void>;
    stop(): Promise<void>;
    rtmpServer: { tcpServer?: NetServer };
    httpServer: { httpServer?: HttpServer };
  }
}

declare module 'node-media-server/src/core/logger.js' {
  const logger: { level: string };
  export default logger;
}

declare module 'node-media-server/src/core/context.js' {
  import type { NmsBroadcast } from 'node-media-server';
  const context: { broadcasts: Map<string, NmsBroadcast> };
  export default context;
}
