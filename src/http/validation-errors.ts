import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/**
 * Fastify's own wording, plus the name of a parameter nobody asked for: "querystring must NOT
 * have additional properties" alone leaves the caller guessing which one was wrong.
 */
export function schemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(
    errors
      .map((e) => {
        const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined;
        return `${dataVar}${e.instancePath || ''} ${e.message ?? 'is invalid'}${extra ? `: ${extra}` : ''}`;
      })
      .join(', '),
  );
}
