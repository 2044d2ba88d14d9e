/** The station's photos (approved by the county with a change, or seen on its certification). */
import type { StationDetail } from '@core/station/api';
import PhotoStrip from '../../ui/PhotoStrip';
import Section from './Section';

export default function PhotosSection({ station: s }: { station: StationDetail }) {
  if (!s.photos.length) return null;
  return (
    <Section id='section-photos' title='站点照片'>
      <PhotoStrip id='station-photos' urls={s.photos} label='站点照片' />
    </Section>
  );
}
