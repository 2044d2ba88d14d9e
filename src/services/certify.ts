/** 站点认定 client (the `register` function's certification actions). Typed by `RegisterApi`. */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input, type Output } from './transport';

const call = client<RegisterApi>('register');
type In<K extends keyof RegisterApi> = Input<RegisterApi, K>;

export type CertificationView = Output<RegisterApi, 'certification'>;

export const certify = {
  list: (input: In<'certifications'> = {}) => call('certifications', input),
  get: (input: In<'certification'>) => call('certification', input),
  file: (input: In<'fileCertification'>) => call('fileCertification', input, { write: true }),
  operatorReview: (input: In<'operatorReviewCertification'>) => call('operatorReviewCertification', input, { write: true }),
  countyReview: (input: In<'countyReviewCertification'>) => call('countyReviewCertification', input, { write: true }),
  publish: (input: In<'publishCertification'>) => call('publishCertification', input, { write: true }),
};

/** 申办 by a market entity (any signed-in user) and the applicant's own applications. */
export type EntityApplicationView = Output<RegisterApi, 'myEntityApplication'>;
export const entityApply = {
  file: (input: In<'fileAsEntity'>) => call('fileAsEntity', input, { write: true }),
  mine: () => call('myEntityApplications', {}),
};
