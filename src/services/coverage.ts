/** 覆盖情况 client (the `register` function's coverage actions, issue 12 §4). Typed by `RegisterApi`. */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input, type Output } from './transport';

const call = client<RegisterApi>('register');

export type CoverageReport = Output<RegisterApi, 'coverage'>;
export type PovertyReport = Output<RegisterApi, 'povertyImport'>;
export type CoverageCounty = Output<RegisterApi, 'coverageCounties'>['items'][number];

export const coverage = {
  counties: () => call('coverageCounties', {}),
  of: (input: Input<RegisterApi, 'coverage'>) => call('coverage', input),
  /** The county's poverty-village list (脱贫村): check the uploaded file, then import it. */
  povertyPreview: (input: Input<RegisterApi, 'povertyPreview'>) => call('povertyPreview', input),
  povertyImport: (input: Input<RegisterApi, 'povertyImport'>) => call('povertyImport', input, { write: true }),
};
