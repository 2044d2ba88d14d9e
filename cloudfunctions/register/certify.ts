/** The register's certification actions (core/station/certification-desk.ts), merged into its router. */
import { action } from '../../core/shared/router';
import * as c from '../../core/station/certification-desk';

export function certifyActions(deps: c.CertificationDeskDeps) {
  const desk = c.createCertificationDesk(deps);
  return {
    certifications: action({ input: c.certificationsInput, run: (i, x) => desk.list(x.openid, i) }),
    certification: action({ input: c.certificationInput, run: (i, x) => desk.get(x.openid, i) }),
    fileCertification: action({ input: c.fileCertificationInput, run: (i, x) => desk.file(x.openid, i) }),
    operatorReviewCertification: action({ input: c.operatorReviewInput, run: (i, x) => desk.operatorReview(x.openid, i) }),
    countyReviewCertification: action({ input: c.countyReviewInput, run: (i, x) => desk.countyReview(x.openid, i) }),
    publishCertification: action({ input: c.publishCertificationInput, run: (i, x) => desk.publish(x.openid, i) }),
  };
}
