/** The register's certification actions (core/station/certification-desk.ts), merged into its router. */
import { action } from '../../core/shared/router';
import * as c from '../../core/station/certification-desk';
import * as e from '../../core/station/entity-desk';

export function certifyActions(deps: e.EntityDeskDeps) {
  const desk = c.createCertificationDesk(deps);
  const entity = e.createEntityDesk(deps);
  return {
    certifications: action({ input: c.certificationsInput, run: (i, x) => desk.list(x.openid, i) }),
    certification: action({ input: c.certificationInput, run: (i, x) => desk.get(x.openid, i) }),
    fileCertification: action({ input: c.fileCertificationInput, run: (i, x) => desk.file(x.openid, i) }),
    operatorReviewCertification: action({ input: c.operatorReviewInput, run: (i, x) => desk.operatorReview(x.openid, i) }),
    countyReviewCertification: action({ input: c.countyReviewInput, run: (i, x) => desk.countyReview(x.openid, i) }),
    publishCertification: action({ input: c.publishCertificationInput, run: (i, x) => desk.publish(x.openid, i) }),
    // 申办 by a market entity (any signed-in user) and their own applications
    fileAsEntity: action({ input: e.fileAsEntityInput, run: (i, x) => entity.file(x.openid, i) }),
    myEntityApplications: action({ input: e.myEntityApplicationsInput, run: (_i, x) => entity.mine(x.openid) }),
    myEntityApplication: action({ input: e.myEntityApplicationInput, run: (i, x) => entity.one(x.openid, i) }),
  };
}
