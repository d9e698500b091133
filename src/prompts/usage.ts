import type { MenuDefinition } from '../ivr/model.js';
import type { MenusRepository } from '../menus/repository.js';
import { promptName } from './languages.js';

export interface PromptUse {
  menu: string;
  nodeId: string;
}

/** A node's prompt lists: prompt, timeoutPrompt, invalidPrompt, thanksPrompt, and any a new node kind adds. */
const PROMPT_FIELD = /prompt$/i;

/**
 * Every prompt name a menu plays, with the node that plays it. The walk goes by field name
 * rather than by node kind, so a node kind added later is covered without touching this.
 * Media URIs (digits:123, number:5, sound:…) are not prompt names and are skipped.
 */
export function promptRefs(menu: MenuDefinition): Array<{ name: string; nodeId: string }> {
  const refs: Array<{ name: string; nodeId: string }> = [];
  for (const node of menu.nodes) {
    for (const [field, value] of Object.entries(node)) {
      if (!PROMPT_FIELD.test(field) || !Array.isArray(value)) continue;
      for (const ref of value) {
        if (typeof ref === 'string' && promptName.test(ref) && !refs.some((r) => r.name === ref && r.nodeId === node.id)) refs.push({ name: ref, nodeId: node.id });
      }
    }
  }
  return refs;
}

/** Prompt name → where the published version of each menu uses it. Older versions do not count: no new call starts on them. */
export function publishedUsage(menus: MenusRepository): Map<string, PromptUse[]> {
  const usage = new Map<string, PromptUse[]>();
  for (const { name: menu } of menus.list()) {
    const published = menus.published(menu);
    if (!published) continue;
    for (const { name, nodeId } of promptRefs(published.definition)) {
      const uses = usage.get(name) ?? [];
      uses.push({ menu, nodeId });
      usage.set(name, uses);
    }
  }
  return usage;
}
