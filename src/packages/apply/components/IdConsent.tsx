/**
 * The separate consent for the ID number (个人信息保护法 第二十九条/第三十条): why it is collected,
 * how it is protected, who may see it, and a checkbox. The ID field appears only after consent;
 * withdrawing consent clears what was typed.
 */
import { Text, View } from '@tarojs/components';
import { Field, TextInput } from '../../../ui/form';
import Button from '../../../ui/Button';

interface Props {
  consented: boolean;
  onConsent: (on: boolean) => void;
  idNumber: string;
  onIdNumber: (v: string) => void;
  error?: string;
}

export default function IdConsent({ consented, onConsent, idNumber, onIdNumber, error }: Props) {
  const toggle = () => {
    if (consented) onIdNumber('');
    onConsent(!consented);
  };
  return (
    <View id='id-consent-step'>
      <View id='apply-consent-notice' className='sp-consent'>
        <Text className='sp-consent__title'>为什么要填身份证号？请先阅读</Text>
        <Text className='sp-consent__item'>· 用途：只用于核实报名人身份、防止重复报名，不做其他用途。</Text>
        <Text className='sp-consent__item'>· 保护：加密保存；页面上只显示 3607**********1234 这样遮住中间的号码。</Text>
        <Text className='sp-consent__item'>· 谁能看：只有负责这个岗位的主管部门工作人员在审核需要时才能看完整号码，每次查看都会记录是谁、什么时候、为什么看。</Text>
        <Text className='sp-consent__item'>· 不公开：公示只写姓名、性别、年龄、所在村和岗位，不写身份证号和电话。</Text>
        <Text className='sp-consent__item'>· 删除：没有入选或撤回的报名，保存期满后个人信息会被删除。</Text>
        <Button id='apply-consent' role='checkbox' checked={consented} className={`sp-checkbox ${consented ? 'sp-checkbox--on' : ''}`} onClick={toggle}>
          <View className='sp-checkbox__box'>{consented ? '✓' : ''}</View>
          <Text className='sp-checkbox__text'>我已阅读，同意为报名提供身份证号</Text>
        </Button>
      </View>
      {consented ? (
        <Field label='身份证号' required hint='18 位，最后一位可以是 X' error={error} errorId='apply-id-error'>
          <TextInput id='apply-id' type='idcard' value={idNumber} onChange={(v) => onIdNumber(v.replace(/\s/g, '').toUpperCase())} maxlength={18} placeholder='请填写本人身份证号' />
        </Field>
      ) : (
        <Text id='apply-id-locked' className='sp-small-note'>
          勾选同意后才能填写身份证号。不提供身份证号无法报名。
        </Text>
      )}
    </View>
  );
}
