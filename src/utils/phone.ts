import Taro from '@tarojs/taro';
import { dialNumber } from './format';

/** Open the phone's dialer. Cancelling is not an error. */
export function callPhone(value: string): void {
  const phoneNumber = dialNumber(value);
  if (!phoneNumber) return;
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}
