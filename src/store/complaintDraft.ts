/**
 * The complaint being written, kept on the phone after every change (leaving the page, a lost
 * network or a killed app lose nothing). It carries the request id of the submission: a retry
 * after an answer that never came sends the same id, so the server answers the first result
 * instead of filing twice. Cleared only after the server confirmed.
 */
import Taro from '@tarojs/taro';
import type { ComplaintCategory } from '@core/complaint/model';
import { newRequestId } from '../services/transport';

export interface DraftPhoto {
  /** Uploaded file id: `upl-…` (H5 local server) or `cloud://…` (weapp). */
  id: string;
  /** Something an <Image> can show after a restart (weapp file id / temp path), or null. */
  preview: string | null;
}

import type { DraftVoice } from '../services/recorder-types';

export interface ComplaintDraft {
  stationId: string;
  stationName: string;
  category: ComplaintCategory | '';
  description: string;
  photos: DraftPhoto[];
  /** 说一说: the uploaded voice note (absent in drafts saved before voice notes). */
  voice?: DraftVoice | null;
  phone: string;
  shareIdentity: boolean;
  /** Same id on every attempt of this complaint. */
  requestId: string;
  updatedAt: string;
  /** Set when a submission was sent but no answer came (it may have been filed). */
  sentAt: string | null;
}

const PREFIX = 'zdt.complaintDraft.';
/** Station id of the most recent draft (the "我要投诉" entry offers to continue it). */
const LAST = 'zdt.complaintDraft.last';

const keyOf = (stationId: string) => `${PREFIX}${stationId}`;

export function newDraft(stationId: string, stationName: string): ComplaintDraft {
  return {
    stationId,
    stationName,
    category: '',
    description: '',
    photos: [],
    phone: '',
    shareIdentity: false,
    requestId: newRequestId(),
    updatedAt: new Date().toISOString(),
    sentAt: null,
  };
}

function isDraft(v: unknown): v is ComplaintDraft {
  const d = v as ComplaintDraft;
  return !!d && typeof d === 'object' && typeof d.stationId === 'string' && typeof d.requestId === 'string' && typeof d.description === 'string' && Array.isArray(d.photos);
}

export function loadDraft(stationId: string): ComplaintDraft | null {
  try {
    const v = Taro.getStorageSync(keyOf(stationId));
    return isDraft(v) && v.stationId === stationId ? { ...newDraft(stationId, v.stationName), ...v } : null;
  } catch {
    return null;
  }
}

/** Nothing typed or chosen yet (not worth keeping or announcing). */
export function isBlank(d: ComplaintDraft): boolean {
  return !d.category && !d.description.trim() && !d.photos.length && !d.voice && !d.phone && !d.shareIdentity && !d.sentAt;
}

export function saveDraft(d: ComplaintDraft): void {
  try {
    if (isBlank(d)) {
      Taro.removeStorageSync(keyOf(d.stationId));
      return;
    }
    Taro.setStorageSync(keyOf(d.stationId), d);
    Taro.setStorageSync(LAST, d.stationId);
  } catch {
    /* storage full or blocked: the form still works, it is just not kept */
  }
}

export function clearDraft(stationId: string): void {
  try {
    Taro.removeStorageSync(keyOf(stationId));
    if (Taro.getStorageSync(LAST) === stationId) Taro.removeStorageSync(LAST);
  } catch {
    /* ignore */
  }
}

/** The most recent unfinished draft, if any. */
export function lastDraft(): ComplaintDraft | null {
  try {
    const id = Taro.getStorageSync(LAST);
    return typeof id === 'string' && id ? loadDraft(id) : null;
  } catch {
    return null;
  }
}
