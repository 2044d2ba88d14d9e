/**
 * Is the data on screen demonstration data? Known for sure from a station page (`demo`), and
 * from the H5 local server (it exposes /dev/identities only in local/demo mode).
 */
import { useEffect, useState } from 'react';
import { listDemoIdentities } from '../services/identity';

let seenDemo = false;
const listeners = new Set<() => void>();

export function markDemoSeen(): void {
  if (seenDemo) return;
  seenDemo = true;
  listeners.forEach((fn) => fn());
}

export function useDemoData(): boolean {
  const [demo, setDemo] = useState(seenDemo);
  useEffect(() => {
    let alive = true;
    const update = () => alive && setDemo(true);
    listeners.add(update);
    listDemoIdentities().then((ids) => {
      if (ids) update();
    });
    return () => {
      alive = false;
      listeners.delete(update);
    };
  }, []);
  return demo;
}

export function resetDemoForTest(): void {
  seenDemo = false;
  listeners.clear();
}
