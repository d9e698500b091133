// The languages a prompt is kept in. Every built-in prompt has a text in each (prompt-texts.ts),
// the synthesiser has a voice for each, and a call's language node picks one of them.
export const promptLanguages = ['zh', 'en'] as const;
export type PromptLanguage = (typeof promptLanguages)[number];

/**
 * Asterisk sound names become file names and sound: URIs: no slashes, spaces or dots. Lower
 * case only, as the menu validator requires, so every prompt stored can be used in a menu.
 */
export const promptName = /^[a-z0-9][a-z0-9_-]{0,79}$/;
