import { describe, expect, it } from 'vitest';
import { createUploadAsks } from '../../../sync-server/src/http/upload-asks';

describe('upload asks', () => {
  it('asks once per account and file within the window, again after it', () => {
    const asks = createUploadAsks(3_000);
    expect(asks.due('a1', 'f1', 0)).toBe(true);
    expect(asks.due('a1', 'f1', 2_999)).toBe(false);
    expect(asks.due('a2', 'f1', 2_999)).toBe(true);
    expect(asks.due('a1', 'f2', 2_999)).toBe(true);
    expect(asks.due('a1', 'f1', 3_000)).toBe(true);
  });

  it('remembers a bounded number of asks, forgetting the oldest first', () => {
    const asks = createUploadAsks(3_000, 2);
    asks.due('a', '1', 0);
    asks.due('a', '2', 1);
    asks.due('a', '3', 2);
    expect(asks.due('a', '1', 3)).toBe(true);
    expect(asks.due('a', '3', 4)).toBe(false);
  });
});
