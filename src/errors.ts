/** The public error contract: every error a client sees carries one of these codes. */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNKNOWN_PROPERTY: 'UNKNOWN_PROPERTY',
  UNKNOWN_UNIT: 'UNKNOWN_UNIT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  INVALID_ID: 'INVALID_ID',
  PAGE_SIZE_EXCEEDED: 'PAGE_SIZE_EXCEEDED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** No or an invalid curator token on a mutation. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class UserInputError extends GraphQLError {
  constructor(message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT, argument?: string) {
    super(message, { extensions: { code, ...(argument ? { argument } : {}) } });
  }
}
