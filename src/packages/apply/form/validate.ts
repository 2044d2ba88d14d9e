/** Client-side checks of the application form, same rules as the server, in plain words. */
import { checkIdNumber } from '@core/recruitment/idcard';
import type { Background, Education } from '@core/recruitment/model';
import { MOBILE_PHONE } from '@core/shared/limits';

export interface ApplyDraft {
  name: string;
  gender: 'male' | 'female' | null;
  birthYear: string;
  phone: string;
  villageCode: string | null;
  idConsent: boolean;
  idNumber: string;
  background: Background | null;
  education: Education | null;
  skills: string;
  productExperience: string;
  statement: string;
}

export type ApplyErrors = Partial<Record<keyof ApplyDraft, string>>;

export function validateApplication(d: ApplyDraft, today: string): ApplyErrors {
  const e: ApplyErrors = {};
  if (!/^[\u4e00-\u9fa5·]{2,15}$/.test(d.name.trim())) e.name = '请填写真实姓名（2-15 个汉字）';
  if (!d.gender) e.gender = '请选择性别';
  const year = Number(d.birthYear);
  if (!/^\d{4}$/.test(d.birthYear) || year < 1940 || year > 2010) e.birthYear = '请填写 4 位出生年份，如 1988';
  if (!MOBILE_PHONE.test(d.phone.trim())) e.phone = '请填写 11 位手机号';
  if (!d.villageCode) e.villageCode = '请选择所在村';
  if (!d.idConsent) e.idConsent = '请先阅读身份证号说明并勾选同意';
  else {
    const id = checkIdNumber(d.idNumber, today);
    if (!id.ok) e.idNumber = id.message;
    else {
      if (!e.birthYear && id.birthYear !== year) e.birthYear = '出生年份与身份证号不一致';
      if (d.gender && id.gender !== d.gender) e.gender = '性别与身份证号不一致';
    }
  }
  if (!d.background) e.background = '请选择身份背景';
  if (!d.education) e.education = '请选择文化程度';
  if (!d.skills.trim()) e.skills = '请写一写您会哪些电商技能';
  if (!d.productExperience.trim()) e.productExperience = '请写一写您卖过或熟悉哪些农产品';
  if (!d.statement.trim()) e.statement = '请写几句个人陈述';
  return e;
}
