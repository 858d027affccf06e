// Webhook failures that Stripe should retry (answered 5xx, nothing written).
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}
