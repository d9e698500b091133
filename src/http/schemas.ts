import { Type } from '@sinclair/typebox';

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  message: Type.String(),
});

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
