// A map request the client got wrong (bad parameters, stale cursor): the
// API answers 400 with this message. Anything else is a server fault.
export class InvalidMapQuery extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "InvalidMapQuery";
  }
}
