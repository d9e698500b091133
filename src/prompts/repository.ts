import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { prompts, promptVersions, type PromptSource } from '../db/schema/index.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface PromptVersion {
  version: number;
  source: PromptSource;
  text: string | null;
  /** Relative to PROMPTS_DIR; null while a built-in has no file yet. */
  file: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  restoredFrom: number | null;
  createdAt: number;
  createdBy: number | null;
}

/** A prompt in one language with its current version. */
export interface PromptLanguageView {
  name: string;
  language: string;
  version: number;
  source: PromptSource;
  text: string | null;
  durationMs: number | null;
  updatedAt: number;
}

export type NewVersion = Omit<PromptVersion, 'version'> & { name: string; language: string };

/** Prompts and their versions; the files are the service's (service.ts), these are only the rows. */
export class PromptsRepository {
  constructor(private readonly db: Db) {}

  list(): PromptLanguageView[] {
    return this.db
      .select({ p: prompts, v: promptVersions })
      .from(prompts)
      .innerJoin(promptVersions, and(eq(promptVersions.promptId, prompts.id), eq(promptVersions.version, prompts.currentVersion)))
      .orderBy(asc(prompts.name), asc(prompts.language))
      .all()
      .map(({ p, v }) => ({ name: p.name, language: p.language, version: v.version, source: v.source, text: v.text, durationMs: v.durationMs, updatedAt: p.updatedAt }));
  }

  /** Every name with at least one language: what a menu may name. */
  /** Each prompt's name and the languages it is recorded in: what a menu may name. */
  languagesByName(): Map<string, Set<string>> {
    const byName = new Map<string, Set<string>>();
    for (const { name, language } of this.db.select({ name: prompts.name, language: prompts.language }).from(prompts).all()) {
      byName.set(name, (byName.get(name) ?? new Set()).add(language));
    }
    return byName;
  }

  current(name: string, language: string): PromptVersion | null {
    const prompt = this.prompt(name, language);
    return prompt ? this.version(name, language, prompt.currentVersion) : null;
  }

  version(name: string, language: string, version: number): PromptVersion | null {
    const row = this.db
      .select({ v: promptVersions })
      .from(promptVersions)
      .innerJoin(prompts, eq(prompts.id, promptVersions.promptId))
      .where(and(eq(prompts.name, name), eq(prompts.language, language), eq(promptVersions.version, version)))
      .get();
    return row ? toVersion(row.v) : null;
  }

  /** Newest first; empty when there is no such prompt. */
  versions(name: string, language: string): PromptVersion[] {
    const prompt = this.prompt(name, language);
    if (!prompt) return [];
    return this.db.select().from(promptVersions).where(eq(promptVersions.promptId, prompt.id)).orderBy(desc(promptVersions.version)).all().map(toVersion);
  }

  /** The number the next version of this prompt will get. */
  nextVersion(name: string, language: string, tx?: Tx): number {
    const prompt = this.prompt(name, language, tx);
    if (!prompt) return 1;
    const last = (tx ?? this.db)
      .select({ version: promptVersions.version })
      .from(promptVersions)
      .where(eq(promptVersions.promptId, prompt.id))
      .orderBy(desc(promptVersions.version))
      .get();
    return (last?.version ?? 0) + 1;
  }

  /** Stores `version` and makes it current, creating the prompt on its first version. */
  addVersion(input: NewVersion & { version: number }, tx?: Tx): PromptVersion {
    const db = tx ?? this.db;
    const { name, language, ...version } = input;
    const prompt = db
      .insert(prompts)
      .values({ name, language, currentVersion: version.version, updatedAt: version.createdAt })
      .onConflictDoUpdate({ target: [prompts.name, prompts.language], set: { currentVersion: version.version, updatedAt: version.createdAt } })
      .returning()
      .get();
    return toVersion(db.insert(promptVersions).values({ promptId: prompt.id, ...version }).returning().get());
  }

  /** Gives a built-in version the file the prompt script wrote after the version was seeded. */
  attachFile(name: string, language: string, version: number, file: { file: string; durationMs: number | null; sizeBytes: number }): void {
    const prompt = this.prompt(name, language);
    if (!prompt) return;
    this.db
      .update(promptVersions)
      .set(file)
      .where(and(eq(promptVersions.promptId, prompt.id), eq(promptVersions.version, version)))
      .run();
  }

  /** Deletes every language and version of the prompt; returns what was deleted, so its files can go too. */
  remove(name: string, tx?: Tx): Array<{ language: string; files: string[] }> {
    const db = tx ?? this.db;
    const rows = db.select().from(prompts).where(eq(prompts.name, name)).all();
    return rows.map((p) => {
      const files = db.select({ file: promptVersions.file }).from(promptVersions).where(eq(promptVersions.promptId, p.id)).all();
      db.delete(promptVersions).where(eq(promptVersions.promptId, p.id)).run();
      db.delete(prompts).where(eq(prompts.id, p.id)).run();
      return { language: p.language, files: files.flatMap((f) => (f.file ? [f.file] : [])) };
    });
  }

  private prompt(name: string, language: string, tx?: Tx) {
    return (tx ?? this.db)
      .select()
      .from(prompts)
      .where(and(eq(prompts.name, name), eq(prompts.language, language)))
      .get() ?? null;
  }
}

function toVersion(row: typeof promptVersions.$inferSelect): PromptVersion {
  const { id: _id, promptId: _promptId, ...version } = row;
  return version;
}
