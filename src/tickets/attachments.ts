import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketAttachments } from '../db/schema/index.js';

export type Attachment = typeof ticketAttachments.$inferSelect;

/** What a unit may attach to a reply, by content type: documents and photos of the site. */
export const attachmentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
];

/** Files under one folder by a generated name (never the uploader's), with their rows. */
export class AttachmentsStore {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
  ) {}

  /** The file is written first and removed again if its row cannot be, so neither exists alone. */
  async save(input: Omit<Attachment, 'id' | 'storedName' | 'size'>, data: Buffer): Promise<Attachment> {
    await mkdir(this.dir, { recursive: true });
    const storedName = `${randomUUID()}.bin`;
    const file = join(this.dir, storedName);
    await writeFile(file, data, { flag: 'wx' });
    try {
      return this.db.insert(ticketAttachments).values({ ...input, size: data.length, storedName }).returning().get();
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
  }

  list(ticketId: number): Attachment[] {
    return this.db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticketId)).orderBy(ticketAttachments.id).all();
  }

  get(id: number): Attachment | null {
    return this.db.select().from(ticketAttachments).where(eq(ticketAttachments.id, id)).get() ?? null;
  }

  pathOf(attachment: Attachment): string {
    return join(this.dir, attachment.storedName);
  }
}
