/** One message's key (account, provider message id) as one string, for maps across a batch. */
export const keyOf = (accountId: string, providerMessageId: string): string => `${accountId}\u0000${providerMessageId}`;
