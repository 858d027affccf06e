// Domain errors: the catalogue of codes, the error type, and the two ways out of lib — parseInput for zod
// failures and errorResponse for route handlers.
export { ERROR_CATALOGUE, errorMessage, errorStatus, isDomainErrorCode } from "./catalogue";
export type { DomainErrorCode, ErrorArgs, ErrorParams, FieldErrors, InvalidInputParams, ListingLock } from "./catalogue";
export { DomainError, INTERNAL_ERROR_MESSAGE, isDomainError, messageForCode, publicError, type PublicError } from "./domain-error";
export { assertStorableText, invalidInput, parseInput, UNSTORABLE_TEXT, unstorableTextPath } from "./parse-input";
export { errorBody, errorResponse, type ErrorBody } from "./response";
