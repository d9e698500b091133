import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AuditRepository } from '../audit/repository.js';
import type { Db } from '../db/client.js';
import type { PromptSource } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { promptTexts } from '../ivr/prompt-texts.js';
import type { Log } from '../log.js';
import { wavDurationMs } from '../recordings/wav.js';
import { promptLanguages, type PromptLanguage } from './languages.js';
import type { PromptVersion, PromptsRepository } from './repository.js';
import type { Synthesiser } from './synthesiser.js';
import { UnspeakableText } from './synthesiser.js';
import { BadAudio, convertUpload } from './upload.js';

export interface PromptsServiceDeps {
  db: Db;
  repository: PromptsRepository;
  /** Every change an admin makes is in the audit log, written in the change's own transaction. */
  audit: AuditRepository;
  synthesiser: Synthesiser;
  /** PROMPTS_DIR: the folder Asterisk plays sound:hotline/<lang>/<name> from. */
  dir: string;
  log: Log;
}

/**
 * The prompt files and their rows, kept in step: each new version's file is written under a
 * temporary name, then in one transaction moved to its version name, recorded, and copied over
 * the file Asterisk plays (again through a temporary name, so a call never plays half a file).
 * Anything failing undoes the rows and removes the files.
 */
export class PromptsService {
  private readonly dir: string;

  constructor(private readonly deps: PromptsServiceDeps) {
    this.dir = resolve(deps.dir);
  }

  /** The file Asterisk plays for the prompt's current version. */
  currentFile(name: string, language: string): string {
    return join(this.dir, language, `${name}.wav`);
  }

  /** The file to stream: the one Asterisk plays, or a kept version's; null when there is none. */
  audioFile(name: string, language: string, version?: number): string | null {
    if (version === undefined) {
      if (!this.deps.repository.current(name, language)) return null;
      const file = this.currentFile(name, language);
      return existsSync(file) ? file : null;
    }
    const kept = this.deps.repository.version(name, language, version);
    return kept?.file && existsSync(join(this.dir, kept.file)) ? join(this.dir, kept.file) : null;
  }

  async synthesise(name: string, language: PromptLanguage, text: string, by: number): Promise<PromptVersion> {
    const incoming = this.incomingFile(language);
    try {
      await this.deps.synthesiser.synthesise(text, language, incoming);
    } catch (err) {
      await rm(incoming, { force: true });
      if (err instanceof UnspeakableText) throw new errors.InvalidInput(`text: ${err.message}`);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new errors.Unavailable('text to speech is not installed on this server (espeak-ng and sox)');
      throw err;
    }
    return this.commit(name, language, incoming, { source: 'tts', text, restoredFrom: null, createdBy: by });
  }

  async upload(name: string, language: PromptLanguage, data: Buffer, type: 'wav' | 'mp3', by: number): Promise<PromptVersion> {
    const incoming = this.incomingFile(language);
    try {
      await convertUpload(data, type, incoming);
    } catch (err) {
      if (err instanceof BadAudio) throw new errors.InvalidInput(`audio: ${err.message}`);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new errors.Unavailable('sox is not installed on this server');
      throw err;
    }
    return this.commit(name, language, incoming, { source: 'upload', text: null, restoredFrom: null, createdBy: by });
  }

  /** Makes an old version current again, as a new version with the old one's audio, source and text. */
  async restore(name: string, language: PromptLanguage, version: number, by: number): Promise<PromptVersion> {
    const old = this.deps.repository.version(name, language, version);
    if (!old) throw new errors.NotFound(`Version ${version} of prompt "${name}" (${language})`);
    if (!old.file || !existsSync(join(this.dir, old.file))) throw new errors.Conflict(`version ${version} of prompt "${name}" (${language}) has no audio file to restore`);
    const incoming = this.incomingFile(language);
    await copyFile(join(this.dir, old.file), incoming);
    return this.commit(name, language, incoming, { source: old.source, text: old.text, restoredFrom: version, createdBy: by });
  }

  /** Deletes every language and version of a prompt, rows first, then files. False when there was none. */
  async remove(name: string, by: number): Promise<boolean> {
    const removed = this.deps.db.transaction((tx) => {
      const rows = this.deps.repository.remove(name, tx);
      if (rows.length) this.deps.audit.record({ entity: 'prompt', entityId: name, action: 'deleted', userId: by, detail: { languages: rows.map((r) => r.language) } }, tx);
      return rows;
    });
    if (removed.length === 0) return false;
    const files = removed.flatMap((r) => [this.currentFile(name, r.language), ...r.files.map((f) => join(this.dir, f))]);
    // The rows are gone: a file left behind is litter, not an inconsistency a caller would hear.
    await Promise.all(files.map((f) => rm(f, { force: true }).catch((err: unknown) => this.deps.log.warn({ err, file: f }, 'prompt file not deleted'))));
    return true;
  }

  /**
   * Records each built-in prompt (prompt-texts.ts) as version 1, on the first start and for
   * any added since, with the file scripts/make-prompts.ts wrote, kept as that version's file.
   * A built-in seeded before its file existed gets the file once it is there.
   */
  seedBuiltIns(now = Date.now()): number {
    let seeded = 0;
    for (const [name, texts] of Object.entries(promptTexts)) {
      for (const language of promptLanguages) {
        const current = this.deps.repository.current(name, language);
        if (current && !(current.version === 1 && current.source === 'built-in' && current.file === null)) continue;
        const played = this.currentFile(name, language);
        const file = existsSync(played) ? this.keep(played, this.versionFile(language, name, 1)) : null;
        if (current) {
          if (file) this.deps.repository.attachFile(name, language, 1, file);
          continue;
        }
        this.deps.repository.addVersion({
          name,
          language,
          version: 1,
          source: 'built-in',
          text: texts[language],
          file: file?.file ?? null,
          durationMs: file?.durationMs ?? null,
          sizeBytes: file?.sizeBytes ?? null,
          restoredFrom: null,
          createdAt: now,
          createdBy: null,
        });
        seeded += 1;
      }
    }
    if (seeded) this.deps.log.info({ seeded }, 'built-in prompts recorded as version 1');
    return seeded;
  }

  private commit(
    name: string,
    language: PromptLanguage,
    incoming: string,
    meta: { source: PromptSource; text: string | null; restoredFrom: number | null; createdBy: number },
  ): PromptVersion {
    let placed: string | null = null;
    try {
      const sizeBytes = statSync(incoming).size;
      const durationMs = wavDurationMs(readFileSync(incoming));
      // Synchronous inside the transaction: no other request can take the same version number in between.
      const saved = this.deps.db.transaction((tx) => {
        const version = this.deps.repository.nextVersion(name, language, tx);
        const file = this.versionFile(language, name, version);
        renameSync(incoming, join(this.dir, file));
        placed = join(this.dir, file);
        const row = this.deps.repository.addVersion({ name, language, version, file, durationMs, sizeBytes, createdAt: Date.now(), ...meta }, tx);
        const action = meta.restoredFrom !== null ? 'restored' : meta.source === 'tts' ? 'synthesised' : 'uploaded';
        this.deps.audit.record({ entity: 'prompt', entityId: name, action, userId: meta.createdBy, detail: { language, version, text: meta.text, restoredFrom: meta.restoredFrom, durationMs } }, tx);
        this.replaceAtomically(placed, this.currentFile(name, language));
        return row;
      });
      this.deps.log.info({ prompt: name, language, version: saved.version, source: saved.source, by: meta.createdBy }, 'prompt version stored');
      return saved;
    } catch (err) {
      rmSync(incoming, { force: true });
      if (placed) rmSync(placed, { force: true });
      throw err;
    }
  }

  /** Copies `from` to its version name in the store; returns what the version row records. */
  private keep(from: string, file: string): { file: string; durationMs: number | null; sizeBytes: number } {
    const to = join(this.dir, file);
    mkdirSync(dirname(to), { recursive: true });
    this.replaceAtomically(from, to);
    const data = readFileSync(to);
    return { file, durationMs: wavDurationMs(data), sizeBytes: data.length };
  }

  private replaceAtomically(from: string, to: string): void {
    // Asterisk picks a sound file by its extension: the temporary name has none it knows.
    const temporary = `${to}.${randomUUID()}.tmp`;
    try {
      copyFileSync(from, temporary);
      renameSync(temporary, to);
    } catch (err) {
      rmSync(temporary, { force: true });
      throw err;
    }
  }

  private versionFile(language: string, name: string, version: number): string {
    return join(language, '.versions', `${name}-v${version}.wav`);
  }

  /** Beside its final place (one file system, so the rename is atomic), under a name no sound lookup matches. */
  private incomingFile(language: string): string {
    const folder = join(this.dir, language, '.versions');
    mkdirSync(folder, { recursive: true });
    return join(folder, `.incoming-${randomUUID()}.wav`);
  }
}
