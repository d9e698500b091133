import { Type } from '@sinclair/typebox';
import { ErrorResponse, Nullable } from '../http/schemas.js';

export const MenuVersion = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  definition: Type.Unknown(),
  createdAt: Type.Integer(),
  createdBy: Nullable(Type.Integer()),
  createdByName: Nullable(Type.String()),
  published: Type.Boolean(),
  draft: Type.Boolean(),
});

export const MenuError = Type.Object({ nodeId: Nullable(Type.String()), field: Type.String(), message: Type.String() });
export const InvalidMenuResponse = Type.Intersect([ErrorResponse, Type.Object({ errors: Type.Optional(Type.Array(MenuError)) })]);
export const NameParam = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) });
export const errorsOf = { 400: InvalidMenuResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
