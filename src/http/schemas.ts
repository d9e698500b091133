import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** One of a fixed list of strings, e.g. a column's enum. */
/** A string from a fixed list; an enum rather than a union of literals, so a wrong value is reported once, with the values allowed. */
export const OneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  message: Type.String(),
});

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
