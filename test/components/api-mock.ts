/**
 * For a `jest.mock('@/services/api', …)` factory: the real module with its `stations` client
 * replaced by bare mocks of the named methods.
 *   jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('search', 'get'));
 */
export function withStations(...methods: string[]) {
  const actual = jest.requireActual('@/services/api');
  return { ...actual, stations: Object.fromEntries(methods.map((m) => [m, jest.fn()])) };
}
