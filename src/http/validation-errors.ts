import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/**
 * Fastify's own wording, plus the name of a parameter nobody asked for ("querystring must NOT
 * have additional properties" alone leaves the caller guessing which one was wrong) and the
 * values allowed where a value is not one of a list.
 */
export function schemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(
    errors
      .map((e) => {
        const where = `${dataVar}${e.instancePath || ''}`;
        const allowed = e.keyword === 'enum' ? (e.params as { allowedValues?: unknown[] }).allowedValues : undefined;
        if (allowed) return `${where} must be one of ${allowed.join(', ')}`;
        const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined;
        return `${where} ${e.message ?? 'is invalid'}${extra ? `: ${extra}` : ''}`;
      })
      .join(', '),
  );
}
