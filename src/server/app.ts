import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { Host } from '../host/host.js';
import { hashSecret, type EventStore } from '../store/store.js';
import { ADMIN_META, rateKey, unscopedUrl } from './auth.js';
import { apiError, errorReply } from './errors.js';
import { actionRoutes } from './routes/actions.js';
import { analysisRoutes } from './routes/analysis.js';
import { auth, type RouteContext } from './routes/context.js';
import { resultRoutes } from './routes/results.js';
import { seatRoutes } from './routes/seats.js';
import { sessionRoutes } from './routes/sessions.js';
import { streamRoutes } from './routes/stream.js';
import { geniusWebProfileRoutes } from './routes/geniusweb-profile.js';
import { SocketRegistry } from './sockets.js';
import { consoleRoutes } from './web.js';
import { newSecret } from '../host/host.js';

export interface ServerLimits {
  /** Largest request body, in bytes (scenario uploads have their own limit). */
  readonly bodyLimit: number;
  readonly uploadLimit: number;
  /** Requests (and WebSocket messages) per minute per token. */
  readonly ratePerMinute: number;
  readonly maxSessions: number;
  readonly maxSeats: number;
  /** Milliseconds an ended session stays in memory once idle (default 30 s); it reloads from the store. */
  readonly unloadAfterMs?: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyLimit: 64 * 1024,
  uploadLimit: 8 * 1024 * 1024,
  ratePerMinute: 6_000,
  maxSessions: 1_000,
  maxSeats: 100,
};

export interface ServerOptions {
  readonly store: EventStore;
  readonly limits?: Partial<ServerLimits>;
  /** Origins allowed to call the API from a browser; none (CORS off) by default. */
  readonly corsOrigins?: readonly string[];
  readonly logger?: boolean;
}

export interface ParleyServer {
  readonly app: FastifyInstance;
  readonly host: Host;
  /** The admin token, when this start created it (shown once; only its hash is kept). */
  readonly adminToken: string | null;
  close(): Promise<void>;
}

/** The admin token: made at the first start, stored only as a hash. */
async function ensureAdmin(store: EventStore): Promise<string | null> {
  if ((await store.getMeta(ADMIN_META)) !== undefined) return null;
  const token = newSecret();
  return (await store.putMetaIfAbsent(ADMIN_META, hashSecret(token))) ? token : null;
}

/** Builds the HTTP + WebSocket server on a store, with every session loaded and its clock armed. */
export async function buildServer(options: ServerOptions): Promise<ParleyServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store } = options;
  const adminToken = await ensureAdmin(store);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyLimit,
    trustProxy: false,
    rewriteUrl: unscopedUrl,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorReply);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(apiError('PARLEY_E_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: limits.ratePerMinute,
    timeWindow: 60_000,
    keyGenerator: rateKey,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`rate limit: at most ${context.max} requests per minute per token`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'parley',
        description: 'Host live negotiations: sessions, seats, actions, events, results.',
        version: '1',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: limits.bodyLimit } });
  const host = new Host(store, limits, (message, error) => app.log.error({ err: error }, message));
  const sockets = new SocketRegistry();
  const ctx: RouteContext = {
    host,
    store,
    sockets,
    uploadLimit: limits.uploadLimit,
    ratePerMinute: limits.ratePerMinute,
  };
  if (options.corsOrigins?.length) {
    const allowed = new Set(options.corsOrigins);
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin && allowed.has(origin)) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    });
  }
  // Credentials are checked before the body and query: without a seat, nothing else is said.
  app.addHook('preValidation', async (request) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/sessions') && !path.endsWith('/stream')) await auth(ctx, request);
  });
  app.get('/health', { schema: { summary: 'Liveness' } }, async () => ({ ok: true }));
  for (const routes of [sessionRoutes, actionRoutes, seatRoutes, resultRoutes, streamRoutes, analysisRoutes])
    await app.register(routes(ctx));
  await app.register(geniusWebProfileRoutes(ctx));
  await app.register(consoleRoutes);
  await host.start();
  return {
    app,
    host,
    adminToken,
    async close() {
      sockets.closeAll();
      await host.close();
      await app.close();
    },
  };
}
