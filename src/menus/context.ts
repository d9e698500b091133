import type { FastifyInstance } from 'fastify';
import { promptLanguages } from '../prompts/languages.js';
import type { MenuContext } from '../ivr/validator.js';

/** Everything a menu may name, as the service holds it now. */
export function menuContext(app: FastifyInstance): MenuContext {
  return {
    queues: app.queuesRepository.names(),
    targets: new Set(app.linkageTargets.list().map((t) => t.code)),
    calendars: app.calendars.names(),
    prompts: app.promptsRepository.languagesByName(),
    defaultLanguage: app.config.PROMPT_LANGUAGE,
    languages: new Set(promptLanguages),
  };
}
