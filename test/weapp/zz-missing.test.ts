jest.mock('node:fs', () => {
  const real = jest.requireActual('node:fs');
  return { ...real, existsSync: (p: string) => (String(p).includes('dist/weapp') ? false : real.existsSync(p)) };
});
import { setupWeapp } from './support/simulate';
beforeAll(async () => { await setupWeapp(); });
test('x', () => expect(1).toBe(1));
