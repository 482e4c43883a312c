/** Global IDs (`node(id:)`) and page cursors: opaque base64 of "Type:databaseId". */
import { ErrorCode, UserInputError } from './errors.js';

export const NODE_TYPES = ['Paper', 'Material', 'Coating', 'Structure', 'Measurement', 'ComputedProperty', 'Reaction', 'FamilyFact', 'InsertionElectrode'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Database ids are PostgreSQL `integer`s: a larger number names no row (and would be a SQL error). */
const MAX_DB_ID = 2_147_483_647;

export function fromGlobalId(globalId: string): { type: NodeType; id: number } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,12})$/.exec(decoded);
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1]!) || Number(match[2]) > MAX_DB_ID) {
    throw new UserInputError(`"${globalId}" is not a cathode-kb ID; use an id returned by this API`, ErrorCode.INVALID_ID, 'id');
  }
  return { type: match[1] as NodeType, id: Number(match[2]) };
}

/** Decode a global ID that must be of one type. */
export function expectGlobalId(globalId: string, type: NodeType): number {
  const decoded = fromGlobalId(globalId);
  if (decoded.type !== type) {
    throw new UserInputError(`ID "${globalId}" is a ${decoded.type}, not a ${type}`, ErrorCode.INVALID_ID, 'id');
  }
  return decoded.id;
}

export function toCursor(id: number): string {
  return Buffer.from(`cursor:${id}`, 'utf8').toString('base64url');
}

export function fromCursor(cursor: string): number {
  const match = /^cursor:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || Number(match[1]) > MAX_DB_ID) {
    throw new UserInputError(`"${cursor}" is not a valid cursor; pass an endCursor or edge cursor from a previous page`, ErrorCode.INVALID_CURSOR, 'after');
  }
  return Number(match[1]);
}

/** Cursor of a fact page: facts are ordered measurements first, then computed properties, each by id. */
export interface FactCursor {
  kind: 'MEASURED' | 'COMPUTED';
  id: number;
}

export function toFactCursor({ kind, id }: FactCursor): string {
  return Buffer.from(`fact:${kind === 'MEASURED' ? 'M' : 'C'}:${id}`, 'utf8').toString('base64url');
}

export function fromFactCursor(cursor: string): FactCursor {
  const match = /^fact:([MC]):(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || Number(match[2]) > MAX_DB_ID) {
    throw new UserInputError(`"${cursor}" is not a valid facts cursor; pass an endCursor or edge cursor from a previous facts page`, ErrorCode.INVALID_CURSOR, 'after');
  }
  return { kind: match[1] === 'M' ? 'MEASURED' : 'COMPUTED', id: Number(match[2]) };
}
