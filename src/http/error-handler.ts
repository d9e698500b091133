import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';

/** One shape for every error; 4xx messages pass through, 5xx text is hidden and logged. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: err.code, message: err.message }, 'request refused');
    const code = err.validation ? 'INVALID_INPUT' : (err.code ?? (status >= 500 ? 'INTERNAL' : 'ERROR'));
    const message = status >= 500 && status !== 503 ? 'Internal server error' : err.message;
    // A refusal may list every problem (an invalid menu names each node and field), not just the first.
    const listed = (err as { errors?: unknown }).errors;
    const list = status < 500 && Array.isArray(listed) ? { errors: listed } : {};
    return reply.code(status).send({ statusCode: status, code, error: STATUS_CODES[status] ?? 'Error', message, ...list });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: `Route ${request.method} ${request.url.split('?')[0]} not found` }),
  );
}

