import type { Db } from '../db/client.js';
import { errors } from '../errors.js';
import type { MenuDefinition } from '../ivr/model.js';
import { validateMenu, type MenuError } from '../ivr/validator.js';
import type { AuditRepository } from '../audit/repository.js';
import { diffMenus, summarizeDiff } from './diff.js';
import type { MenuVersion, MenusRepository, Tx } from './repository.js';
import { menuShapeErrors } from './shape.js';

/** What a menu is checked against: the queues, linkage targets… that exist today. */
export type MenuContext = Parameters<typeof validateMenu>[1];

/** A 400 that carries every problem, so the editor can show each on its node. */
export function invalidMenu(problems: MenuError[]): Error {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return Object.assign(new errors.InvalidMenu(`${first.message}${more}`), { errors: problems });
}

/**
 * Drafts, publishing and rollback. Each change and its audit entry are written in one
 * transaction; every publish is validated against today's queues and targets, because a
 * queue an old version names may have been removed since.
 */
export class MenuEditing {
  constructor(
    private readonly deps: { db: Db; menus: MenusRepository; audit: AuditRepository; context: () => MenuContext },
  ) {}

  /** Every problem, from "not a menu" to a key leading nowhere; empty when the menu may be published. */
  problems(name: string, input: unknown): MenuError[] {
    const shape = menuShapeErrors(input);
    if (shape.length) return shape;
    const mismatch = nameMismatch(name, input as MenuDefinition);
    if (mismatch) return [mismatch];
    const result = validateMenu(input, this.deps.context());
    return result.ok ? [] : result.errors;
  }

  saveDraft(name: string, input: unknown, userId: number): { version: MenuVersion; problems: MenuError[] } {
    const shape = menuShapeErrors(input);
    if (shape.length) throw invalidMenu(shape);
    const definition = input as MenuDefinition;
    const mismatch = nameMismatch(name, definition);
    if (mismatch) throw invalidMenu([mismatch]);
    const problems = this.problems(name, definition);
    const version = this.deps.db.transaction((tx) => {
      const before = this.deps.menus.draft(name, tx) ?? this.publishedIn(name, tx);
      if (!before) throw new errors.NotFound(`Menu "${name}"`);
      const saved = this.deps.menus.saveDraft(definition, userId, Date.now(), tx)!;
      this.audit(tx, name, 'draft-saved', userId, { version: saved.version, problems: problems.length, summary: summarizeDiff(diffMenus(before.definition, definition)) });
      return saved;
    });
    return { version, problems };
  }

  /** Publishes the draft, or the version named; the next call uses it, calls in progress keep theirs. */
  publish(name: string, userId: number, version?: number): MenuVersion {
    return this.deps.db.transaction((tx) => {
      const pointers = this.deps.menus.pointers(name, tx);
      if (!pointers) throw new errors.NotFound(`Menu "${name}"`);
      const chosen = version ?? pointers.draftVersion;
      if (chosen === null) throw new errors.InvalidInput(`Menu "${name}" has no draft to publish`);
      return this.movePointer(tx, name, chosen, userId, 'published');
    });
  }

  /** One action back to an earlier version, checked like a publish. */
  rollback(name: string, version: number, userId: number): MenuVersion {
    return this.deps.db.transaction((tx) => {
      const pointers = this.deps.menus.pointers(name, tx);
      if (!pointers) throw new errors.NotFound(`Menu "${name}"`);
      if (pointers.draftVersion === version) throw new errors.InvalidInput(`Version ${version} is the draft: publish it instead`);
      return this.movePointer(tx, name, version, userId, 'rolled-back');
    });
  }

  /** PUT /api/menus/:name: a new version, validated and published at once (a new menu starts this way). */
  saveAndPublish(name: string, input: unknown, userId: number): MenuVersion {
    const problems = this.problems(name, input);
    if (problems.length) throw invalidMenu(problems);
    const definition = input as MenuDefinition;
    return this.deps.db.transaction((tx) => {
      const before = this.publishedIn(name, tx);
      const saved = this.deps.menus.publish(definition, userId, Date.now(), tx);
      const summary = before ? summarizeDiff(diffMenus(before.definition, definition)) : 'created';
      this.audit(tx, name, 'published', userId, { version: saved.version, previousVersion: before?.version ?? null, summary });
      return saved;
    });
  }

  private movePointer(tx: Tx, name: string, version: number, userId: number, action: 'published' | 'rolled-back'): MenuVersion {
    const target = this.deps.menus.version(name, version, tx);
    if (!target) throw new errors.NotFound(`Version ${version} of menu "${name}"`);
    if (target.published) throw new errors.Conflict(`Version ${version} of menu "${name}" is already published`);
    const problems = this.problems(name, target.definition);
    if (problems.length) throw invalidMenu(problems);
    const before = this.publishedIn(name, tx)!;
    const moved = this.deps.menus.setPublished(name, version, tx)!;
    this.audit(tx, name, action, userId, { version, previousVersion: before.version, summary: summarizeDiff(diffMenus(before.definition, target.definition)) });
    return moved;
  }

  private publishedIn(name: string, tx: Tx): MenuVersion | null {
    const pointers = this.deps.menus.pointers(name, tx);
    return pointers ? this.deps.menus.version(name, pointers.publishedVersion, tx) : null;
  }

  private audit(tx: Tx, name: string, action: string, userId: number, detail: Record<string, unknown>): void {
    this.deps.audit.record({ entity: 'menu', entityId: name, action, userId, detail }, tx);
  }
}

function nameMismatch(name: string, menu: MenuDefinition): MenuError | null {
  return menu.name === name ? null : { nodeId: null, field: 'name', message: `name: "${menu.name}" does not match the URL's "${name}"` };
}
