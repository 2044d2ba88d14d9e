/** The register's certification actions (core/station/certification-desk.ts), merged into its router. */
import { serviceActions } from '../../core/shared/router';
import * as c from '../../core/station/certification-desk';
import * as e from '../../core/station/entity-desk';

export function certifyActions(deps: e.EntityDeskDeps) {
  const desk = c.createCertificationDesk(deps);
  const entity = e.createEntityDesk(deps);
  return serviceActions(desk, {
    certifications: ['list', c.certificationsInput],
    certification: ['get', c.certificationInput],
    fileCertification: ['file', c.fileCertificationInput],
    operatorReviewCertification: ['operatorReview', c.operatorReviewInput],
    countyReviewCertification: ['countyReview', c.countyReviewInput],
    publishCertification: ['publish', c.publishCertificationInput],
    // 申办 by a market entity (any signed-in user) and their own applications
    ...serviceActions(entity, {
      fileAsEntity: ['file', e.fileAsEntityInput],
      myEntityApplications: ['mine', e.myEntityApplicationsInput],
      myEntityApplication: ['one', e.myEntityApplicationInput],
    }),
  });
}
