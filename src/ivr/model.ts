// The IVR menu as data: a graph of nodes the admin edits, the interpreter walks, and the
// call log names (node id and label) step by step.

/** A prompt name ('welcome' → sound:<prefix>/<lang>/welcome) or a media URI ('digits:123'). */
export type PromptRef = string;

interface NodeBase {
  id: string;
  /** Words an agent reads in the screen-pop, e.g. 企业诉求/营商环境专线. */
  label: string;
}

export interface MenuNode extends NodeBase {
  kind: 'menu';
  prompt: PromptRef[];
  /** Key → node id; a key leading to the menu itself repeats it. */
  keys: Record<string, string>;
  timeoutSeconds: number;
  /** Timeouts and invalid keys together; when they reach this, the caller goes to `fallback`. */
  maxTries: number;
  timeoutPrompt: PromptRef[];
  invalidPrompt: PromptRef[];
  fallback: string;
}

export interface QueueNode extends NodeBase {
  kind: 'queue';
  queue: string;
  /** Played before queueing, e.g. "transferring you to an agent"; keys during it are ignored. */
  prompt?: PromptRef[];
}

export interface PlayNode extends NodeBase {
  kind: 'play';
  prompt: PromptRef[];
  next: string;
}

export interface CollectNode extends NodeBase {
  kind: 'collect';
  prompt: PromptRef[];
  minDigits: number;
  maxDigits: number;
  terminator: '#' | '*' | null;
  /** Wait for the first digit, and between digits. */
  timeoutSeconds: number;
  maxTries: number;
  invalidPrompt: PromptRef[];
  action: 'ticket-progress';
  /** Where the caller goes after the action's result has been played, or after too many tries. */
  next: string;
}

export interface HangupNode extends NodeBase {
  kind: 'hangup';
  prompt?: PromptRef[];
}

/** Hands the caller to a linkage target (110, 12315…) from the menu, without an agent. */
export interface TransferNode extends NodeBase {
  kind: 'transfer';
  /** A linkage target's code. */
  target: string;
  prompt?: PromptRef[];
  /** Where the caller goes when the target is busy, rejects or does not answer. */
  fallback: string;
}

/** Branches on the hotline's working calendar: weekly hours plus moved holidays and working weekends. */
export interface HoursNode extends NodeBase {
  kind: 'hours';
  /** A working calendar's name. */
  calendar: string;
  open: string;
  closed: string;
}

/** Sets the prompt language for the rest of the call (menus, queue announcements, read-backs). */
export interface LanguageNode extends NodeBase {
  kind: 'language';
  language: string;
  next: string;
}

/** The caller leaves a message after the tone; it becomes a callback request with its recording. */
export interface MessageNode extends NodeBase {
  kind: 'message';
  prompt: PromptRef[];
  /** The longest message; # or silence ends it sooner. */
  maxSeconds: number;
  /** Played after the message, before the call is hung up. */
  thanksPrompt: PromptRef[];
}

export type IvrNode = MenuNode | QueueNode | PlayNode | CollectNode | HangupNode | TransferNode | HoursNode | LanguageNode | MessageNode;
export type NodeKind = IvrNode['kind'];
export const nodeKinds: readonly NodeKind[] = ['menu', 'queue', 'play', 'collect', 'hangup', 'transfer', 'hours', 'language', 'message'];

export interface MenuDefinition {
  name: string;
  start: string;
  nodes: IvrNode[];
}

export function nodeById(menu: MenuDefinition, id: string): IvrNode | undefined {
  return menu.nodes.find((n) => n.id === id);
}
