/**
 * A file the readers cannot read as a whole (undetectable format, missing header columns,
 * missing options): the run stops before any row, and the message — in French — is shown
 * to the operator as it is. Row-level problems are not errors but `rejected` results.
 */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
