import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';

/**
 * A popup menu's behaviour on open: focus goes to its first item, and a press outside it
 * closes it. Returns the ref to put on the menu's element.
 */
export function useMenu(onClose: () => void): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  return ref;
}
