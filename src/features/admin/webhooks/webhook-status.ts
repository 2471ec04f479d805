/** How the console words an inbox status: what it means for the operator. */
export const WEBHOOK_STATUS_LABEL: Record<string, string> = {
  RECEIVED: "Received (waiting)",
  PROCESSED: "Processed",
  IGNORED: "Ignored",
  FAILED: "Failed",
  HELD: "Held for an operator",
  DISMISSED: "Dismissed",
};
