import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, isParleyError, type ErrorCode } from '../core/errors.js';

export interface ApiError {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly position?: { file: string; line?: number; column?: number };
    readonly expected?: string;
  };
}

export function apiError(code: ErrorCode, message: string, extra: Partial<ApiError['error']> = {}): ApiError {
  return { error: { code, message, ...extra } };
}

/** Fastify's own failures, by its error codes, as parley codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PARLEY_E_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'PARLEY_E_PARSE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'PARLEY_E_PARSE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'PARLEY_E_INPUT',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'PARLEY_E_INPUT',
  FST_ERR_VALIDATION: 'PARLEY_E_SCHEMA',
};

/** Every error leaves as JSON with a stable code; never a stack trace. */
export function errorReply(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isParleyError(error)) {
    const { position, expected } = error;
    return reply
      .status(error.httpStatus)
      .send(
        apiError(error.code, error.message, { ...(position ? { position } : {}), ...(expected ? { expected } : {}) }),
      );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => `${v.instancePath || '/'}: ${v.message ?? 'invalid'}`).join('; ');
    return reply
      .status(400)
      .send(apiError('PARLEY_E_SCHEMA', `invalid ${error.validationContext ?? 'request'}: ${issues}`));
  }
  const fastifyCode = (error as FastifyError).code;
  const code = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (code) return reply.status(ERROR_CODES[code].http).send(apiError(code, error.message));
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400)
    return reply.status(400).send(apiError('PARLEY_E_PARSE', `the body is not valid JSON: ${error.message}`));
  const status = (error as FastifyError).statusCode;
  if (status === 429) return reply.status(429).send(apiError('PARLEY_E_RATE_LIMIT', error.message));
  if (status !== undefined && status >= 400 && status < 500)
    return reply.status(status).send(apiError('PARLEY_E_INPUT', error.message));
  request.log.error({ err: error }, 'internal error');
  return reply.status(500).send(apiError('PARLEY_E_INTERNAL', 'internal error; the server log has the details'));
}
