/**
 * One live message merged into a thread's list. A thread can briefly hold two rows of one
 * message: the optimistic row composed here (its client id) and the stored echo that came
 * before the store adopted it (its provider id, no client id yet). When the store then
 * reports the adopted row (echo's id + client id), both rows match it. Replacing only the
 * first match left the echo's id twice in the list, and React's duplicate keys then
 * duplicated the bubble on every render (a teammate's relayed reply shown up to 7 times).
 * So the row with the same id keeps its place (else the first with the client id), and
 * every other row matching it is dropped.
 */
type Mergeable = {
  readonly id: string;
  readonly clientMessageId: string | null;
  readonly timestamp: number;
};

const byTime = (a: Mergeable, b: Mergeable) => a.timestamp - b.timestamp;

/**
 * The list with `m` in it: in place of the rows that are the same message, or appended in
 * time order when `append` (a thread at its newest page); null when nothing changes.
 */
export function mergeMessage<M extends Mergeable>(list: readonly M[], m: M, append: boolean): M[] | null {
  const same = (x: M) => x.id === m.id || (m.clientMessageId !== null && x.clientMessageId === m.clientMessageId);
  if (list.some(same)) {
    const hasId = list.some(x => x.id === m.id);
    let placed = false;
    const out: M[] = [];
    for (const x of list) {
      if (!same(x)) out.push(x);
      else if (!placed && (!hasId || x.id === m.id)) {
        out.push(m);
        placed = true;
      }
    }
    return out;
  }
  if (!append) return null;
  const out = [...list, m];
  const prev = out[out.length - 2];
  if (prev && prev.timestamp > m.timestamp) out.sort(byTime);
  return out;
}
