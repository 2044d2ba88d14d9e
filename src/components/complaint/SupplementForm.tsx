/**
 * 补充材料: while the case is open the complainant adds what they remember or find later (a receipt,
 * a photo, a 说一说 voice note as on the complaint form), a few times at most. It shows on the
 * timeline; the official handling it is told.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_ENTRY_PHOTOS, MIN_SUPPLEMENT } from '@core/complaint/limits';
import { describedEnough } from '@core/media/voice';
import { complaints, type ComplaintView } from '../../services/complaints';
import { reloadOnConflict, useAction } from '../../hooks/useAction';
import type { DraftPhoto } from '../../store/complaintDraft';
import Button from '../../ui/Button';
import { BusyButton, ErrorLine } from '../../ui/send';
import ShortTextarea from '../../ui/ShortTextarea';
import PhotoPicker from './PhotoPicker';
import VoiceNote, { type DraftVoice } from './VoiceNote';

const MAX_TEXT = 1000;

interface Props {
  view: ComplaintView;
  onDone: (view: ComplaintView) => void;
  onStale?: () => void;
}

export default function SupplementForm({ view, onDone, onStale }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [voice, setVoice] = useState<DraftVoice | null>(null);
  const [voiceBusy, setVoiceBusy] = useState(false);
  const supplement = useAction(
    () => {
      const ids = photos.map((p) => p.id);
      const attachments = { ...(ids.length ? { photos: ids } : {}), ...(voice ? { voice: { fileId: voice.id, seconds: voice.seconds } } : {}) };
      return complaints.supplement({ id: view.id, version: view.version, text: text.trim(), ...(ids.length || voice ? { attachments } : {}) });
    },
    {
      onDone: (v) => {
        setOpen(false);
        setText('');
        setPhotos([]);
        setVoice(null);
        onDone(v);
      },
      onError: reloadOnConflict(onStale),
    },
  );
  if (!open) {
    return (
      <View className='form__submit'>
        <Button id='btn-supplement-open' className='btn btn--ghost btn--block' onClick={() => setOpen(true)}>
          补充材料
        </Button>
        <Text className='field__hint'>想起新情况、找到收据或照片，可以补充给处理部门（还能补充 {view.supplementsLeft ?? 0} 次）。</Text>
      </View>
    );
  }

  const send = () => {
    if (uploading || voiceBusy) return supplement.fail(voiceBusy ? '录音还没好，请稍等' : '照片还在上传，请稍等');
    // A voice note counts as content, as on the complaint form.
    if (!describedEnough(text, voice, MIN_SUPPLEMENT)) return supplement.fail(`请至少写 ${MIN_SUPPLEMENT} 个字，或按住说一说`);
    void supplement.run();
  };

  return (
    <View id='supplement-form' className='section'>
      <Text className='section__title'>补充材料</Text>
      <ShortTextarea id='supplement-text' value={text} onChange={setText} maxlength={MAX_TEXT} placeholder='补充的情况，例如：收据上写着每件收 3 元' ariaLabel='补充的情况' />
      <View id='supplement-voice-section' className='voice-field'>
        <VoiceNote
          idPrefix='supplement-voice'
          value={voice}
          onBusyChange={setVoiceBusy}
          onChange={(v) => {
            setVoice(v);
            supplement.clearError();
          }}
          onTranscript={(said) => {
            // Fills the text for correcting, after what was typed.
            setText((prev) => (prev.trim() ? `${prev.trim()}\n${said}` : said).slice(0, MAX_TEXT));
          }}
        />
      </View>
      <PhotoPicker idPrefix='supplement-photo' photos={photos} onChange={(u) => setPhotos(u)} onBusyChange={setUploading} max={MAX_ENTRY_PHOTOS} hint='选填' />
      <ErrorLine id='supplement-error' error={supplement.error} />
      <BusyButton id='btn-supplement-submit' className='btn btn--primary btn--block' busy={supplement.busy} text='提交补充材料' onClick={send} />
    </View>
  );
}
