import { HttpError } from './model.js';

/**
 * A request's parameters: the query string merged with the JSON body, as Asterisk does for
 * operations with a body parameter (ari-client sends `variables` as {"variables": {...}}).
 */
export class Params {
  constructor(
    private readonly query: URLSearchParams,
    readonly body: Record<string, unknown> = {},
  ) {}

  get(name: string): string | undefined {
    const fromQuery = this.query.get(name);
    if (fromQuery !== null) return fromQuery;
    const fromBody = this.body[name];
    return typeof fromBody === 'string' || typeof fromBody === 'number' ? String(fromBody) : undefined;
  }

  /** A list parameter: repeated and/or comma-separated (ari-client joins arrays with commas). */
  list(name: string): string[] {
    return this.query
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  }

  int(name: string, fallback: number): number {
    const raw = this.get(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number.parseInt(raw, 10);
    if (Number.isNaN(value)) throw new HttpError(400, `${name}: Invalid integer value`);
    return value;
  }

  variables(): Record<string, string> {
    const vars = this.body.variables;
    if (vars === undefined) return {};
    if (typeof vars !== 'object' || vars === null || Object.values(vars).some((v) => typeof v !== 'string')) {
      throw new HttpError(400, "Only string values in the 'variables' object allowed");
    }
    return { ...(vars as Record<string, string>) };
  }
}
