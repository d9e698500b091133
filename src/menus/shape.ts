import { nodeKinds, type MenuDefinition } from '../ivr/model.js';
import type { MenuError } from '../ivr/validator.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether the input is a menu at all: an object with a name, a start and nodes that each have
 * an id, a kind and a label. A draft needs only this, so an admin can save half-finished work;
 * whether the graph holds together is the validator's question, asked again on publish.
 */
export function menuShapeErrors(input: unknown): MenuError[] {
  if (!isObj(input)) return [{ nodeId: null, field: 'menu', message: 'menu: must be an object with name, start and nodes' }];
  const errors: MenuError[] = [];
  if (typeof input.name !== 'string') errors.push({ nodeId: null, field: 'name', message: 'name: must be a string' });
  if (typeof input.start !== 'string') errors.push({ nodeId: null, field: 'start', message: 'start: must be a node id' });
  if (!Array.isArray(input.nodes)) return [...errors, { nodeId: null, field: 'nodes', message: 'nodes: must be a list of nodes' }];
  input.nodes.forEach((node, i) => {
    const where = `nodes[${i}]`;
    if (!isObj(node)) return errors.push({ nodeId: null, field: where, message: `${where}: must be an object` });
    if (typeof node.id !== 'string') errors.push({ nodeId: null, field: `${where}.id`, message: `${where}.id: must be a string` });
    if (typeof node.label !== 'string') errors.push({ nodeId: null, field: `${where}.label`, message: `${where}.label: must be a string` });
    if (!nodeKinds.includes(node.kind as never)) errors.push({ nodeId: null, field: `${where}.kind`, message: `${where}.kind: must be one of ${nodeKinds.join(', ')}` });
    if (node.keys !== undefined && !isObj(node.keys)) errors.push({ nodeId: null, field: `${where}.keys`, message: `${where}.keys: must map keys to node ids` });
  });
  return errors;
}

export const isMenuShape = (input: unknown): input is MenuDefinition => menuShapeErrors(input).length === 0;
