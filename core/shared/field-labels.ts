/**
 * Chinese names of the fields the functions take, for validation messages ("请填写描述", not
 * "data.description：必填"). test/server/openapi.test.ts checks every field of every action
 * has one, so a new field cannot show a villager an identifier.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // The envelope
  action: '操作',
  data: '提交的内容',
  requestId: '请求编号',
  // Shared
  id: '编号',
  version: '版本号',
  cursor: '翻页参数',
  limit: '每页条数',
  stationId: '站点',
  regionCode: '地区',
  parentCode: '上级地区',
  villageCode: '所在村',
  status: '状态',
  kind: '类型',
  text: '内容',
  reason: '理由',
  code: '授权码',
  // Rectification orders
  problems: '存在问题',
  requiredFixes: '整改要求',
  state: '状态',
  outcome: '处理结果',
  phone: '电话',
  lat: '纬度',
  lng: '经度',
  days: '天数',
  date: '日期',
  title: '名称',
  // Stations
  q: '搜索词',
  radiusM: '范围',
  level: '站点级别',
  service: '服务',
  openNow: '营业中',
  // Complaints
  category: '投诉类型',
  channel: '来源',
  countyCode: '县（市、区）',
  place: '地点',
  location: '位置',
  // Region settings (第十二条1)
  values: '设置值',
  description: '描述',
  photos: '照片',
  shareIdentity: '是否告诉站点您是谁',
  trackingNo: '投诉编号',
  evaluation: '评价',
  comment: '评价说明',
  overdue: '是否超期',
  escalated: '是否督办',
  to: '转办对象',
  workdays: '工作日',
  intoId: '合并到的投诉',
  // Batch actions (selected cases) and inspection checklists both send a list of items.
  items: '所选项目',
  // Ratings
  scene: '二维码',
  scores: '评分',
  attitude: '服务态度',
  pricing: '收费',
  cleanliness: '整洁',
  efficiency: '办事效率',
  visitToken: '到店凭证',
  // Recruitment and notices
  postId: '岗位',
  applicationId: '报名',
  name: '姓名',
  realName: '真实姓名',
  gender: '性别',
  birthYear: '出生年份',
  idNumber: '身份证号',
  idConsent: '身份证号使用同意',
  background: '身份背景',
  education: '文化程度',
  skills: '电商技能',
  productExperience: '农产品经验',
  statement: '个人陈述',
  requirements: '任职条件',
  rubric: '评分项',
  criterion: '评分项',
  weight: '权重',
  opensOn: '报名开始日期',
  closesOn: '报名截止日期',
  qualifyingScore: '合格分',
  field: '查看的内容',
  byCriterion: '各项得分',
  noticeId: '公示',
  objectionId: '异议',
  objectionChannel: '异议渠道',
  startsOn: '公示开始日期',
  endsOn: '公示结束日期',
  response: '答复',
  // Station register
  fileId: '文件',
  format: '文件格式',
  // Account
  openid: '用户',
  role: '角色',
  scope: '范围',
  operatorName: '运营单位',
  year: '年份',
  holidays: '节假日',
  // Station edits (第十条3)
  info: '站点信息',
  hours: '营业时间',
  weekly: '每周营业时间',
  day: '星期',
  intervals: '营业时段',
  open: '开门时间',
  close: '关门时间',
  exceptions: '节假日安排',
  note: '说明',
  services: '服务项目',
  processes: '办事流程',
  steps: '步骤',
  commitments: '服务承诺',
  fees: '收费标准',
  item: '收费项目',
  price: '价格',
  unit: '单位',
  conditions: '条件',
  complaintChannels: '投诉渠道',
  label: '名称',
  value: '号码或方式',
  contact: '联系方式',
  personName: '联系人',
  from: '开始日期',
  until: '结束日期',
  offset: '翻页参数',
  decision: '审核结果',
  topic: '有误的内容',
  // Certification (第十一条3)
  stationName: '站点名称',
  entity: '运营单位',
  areaSqm: '使用面积',
  equipment: '设施设备',
  servicePopulation: '服务人口',
  plaquePhotos: '站牌照片',
  signagePhotos: '标识照片',
  pass: '初审结果',
  visitedOn: '核查日期',
  visitors: '核查人员',
  findings: '核查情况',
  passed: '核查结果',
  authority: '认定机关',
  // Ledgers (第十条5)
  month: '月份',
  untilMonth: '截止月份',
  product: '名称',
  quantity: '数量',
  amountFen: '金额',
  households: '带动户数',
  // Operators' visits (第十条, 第十一条2/5)
  ok: '是否合格',
  // Complaint hand-offs (issue 11 §2)
  dueOn: '截止日期',
  instruction: '督办要求',
  answer: '督办答复',
  department: '接收部门',
  departmentName: '部门名称',
  reference: '对方编号',
  unresolvable: '无法解决',
  unresolvableReason: '无法解决的原因',
  // 补充材料 and the 回访 (issue 11 §2)
  attachments: '附件',
  recheckAnswer: '问题是否还在',
  // Scan-to-sign-in (core/auth/signin.ts)
  ticket: '登录码',
  approve: '是否确认',
  session: '登录凭证',
  // Heads' assessment (core/assessment)
  period: '统计期间',
  weights: '权重',
  ledger: '台账',
  inspection: '走访检查',
  complaints: '投诉办理',
  ratings: '群众评价',
  training: '培训',
  // Voice notes (issue 11 §6)
  voice: '录音',
  seconds: '录音时长',
  // 申办 by a market entity (issue 10 §3)
  entityName: '市场主体名称',
  creditCode: '统一社会信用代码',
  contactName: '联系人',
  contactPhone: '联系电话',
  address: '地址',
  hotline: '服务电话',
};

/**
 * The label of the field at `path`: its innermost named segment with a label (photos.1 → 照片;
 * byCriterion.<a criterion> → 各项得分), else a plain fallback.
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (!path.length) return FIELD_LABELS.data;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string' && Object.prototype.hasOwnProperty.call(FIELD_LABELS, segment)) return FIELD_LABELS[segment];
  }
  return '填写的内容';
}
