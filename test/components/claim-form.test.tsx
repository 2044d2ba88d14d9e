/**
 * 认领代录的投诉 in 我的投诉: folded until asked for; a wrong-looking number or phone is caught before
 * sending; the server's refusal is shown in words; a claim opens the case.
 */
import { fireEvent, render } from '@testing-library/react';
import ClaimForm from '@/components/complaint/ClaimForm';
import { complaints } from '@/services/complaints';
import { ApiError } from '@/services/transport';
import { clickSettled, fillIn } from './act-helpers';
import { resetTaro } from './taro-mock';

jest.mock('@/services/complaints', () => ({ complaints: { claim: jest.fn() } }));
const claim = complaints.claim as unknown as jest.Mock;


beforeEach(() => {
  resetTaro();
  claim.mockReset();
});

test('folded at first; opened, a short number and phone are caught before sending', async () => {
  const { container } = render(<ClaimForm onClaimed={jest.fn()} />);
  expect(container.querySelector('#claim-form')).toBeNull();
  fireEvent.click(container.querySelector('#claim-open') as Element);
  fillIn(container, { 'claim-tracking': 'TS123', 'claim-phone': '139' });
  await clickSettled(container, 'claim-submit');
  expect(claim).not.toHaveBeenCalled();
  expect(container.textContent).toContain('投诉编号是 TS 开头的 14 位');
  expect(container.textContent).toContain('请填写登记时留的电话');
});

test('sends the number in capitals; a refusal is shown; a claim opens the case', async () => {
  const onClaimed = jest.fn();
  claim.mockRejectedValueOnce(new ApiError('NOT_FOUND', '投诉编号或电话不对，请核对工作人员告诉您的编号')).mockResolvedValueOnce({ id: 'c-1' });
  const { container } = render(<ClaimForm onClaimed={onClaimed} />);
  fireEvent.click(container.querySelector('#claim-open') as Element);
  fillIn(container, { 'claim-tracking': ' ts261204ab12cd ', 'claim-phone': '13987654321' });
  await clickSettled(container, 'claim-submit');
  expect(claim).toHaveBeenCalledWith({ trackingNo: 'TS261204AB12CD', phone: '13987654321' });
  expect(container.querySelector('#claim-error')?.textContent).toContain('投诉编号或电话不对');
  await clickSettled(container, 'claim-submit');
  expect(onClaimed).toHaveBeenCalledWith('c-1');
});
