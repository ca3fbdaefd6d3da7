// Whether the bot may carry on without a damaged document, and what is then missing.
// A document whose loss could make the bot act twice or act wrongly (decide an approval
// again, push a coupon again, reuse an id, downgrade a tier early) is refused until it is
// repaired; one that only loses convenience starts empty, and the loss is said at start.

interface Safety {
  startsEmpty: boolean;
  what: { zh: string; en: string };
}

const RULES: [RegExp, Safety][] = [
  [/^approvals$/, { startsEmpty: false, what: { zh: '审批记录', en: 'approval requests' } }],
  [/^budgets$/, { startsEmpty: false, what: { zh: '预算', en: 'budgets' } }],
  [/^members\/links$/, { startsEmpty: false, what: { zh: '会员绑定', en: 'member links' } }],
  [/^members\/link-attempts$/, { startsEmpty: false, what: { zh: '绑定尝试次数', en: 'member link attempts' } }],
  [/^members\/tiers$/, { startsEmpty: false, what: { zh: '会员等级', en: 'member tiers' } }],
  [/^members\/segments$/, { startsEmpty: true, what: { zh: '会员分层历史', en: 'segment history' } }],
  [/^campaigns\//, { startsEmpty: false, what: { zh: '活动与推送记录', en: 'campaigns and their pushes' } }],
  [/^complaints/, { startsEmpty: false, what: { zh: '客诉', en: 'complaints' } }],
  [/^checklists$/, { startsEmpty: false, what: { zh: '活动清单', en: 'checklists' } }],
  [/^access\/roles$/, { startsEmpty: true, what: { zh: '角色授权（仅 BOT_ADMINS 有效）', en: 'role grants (only BOT_ADMINS hold roles)' } }],
  [/^audit\//, { startsEmpty: true, what: { zh: '该月审计日志', en: "that month's audit log" } }],
  [/^(traffic|spend)$/, { startsEmpty: true, what: { zh: '访客或广告花费数据', en: 'visitor or ad-spend figures' } }],
  [/^(brief|confirm)\//, { startsEmpty: true, what: { zh: '订阅或待确认操作', en: 'subscriptions or pending confirmations' } }],
  [/^(telegram|slack|wechat|wecom)\//, { startsEmpty: true, what: { zh: '聊天平台的会话记录', en: 'chat platform session state' } }],
  [/^orders\/|^order-customers$/, { startsEmpty: false, what: { zh: '订单', en: 'orders' } }],
];

const UNKNOWN: Safety = { startsEmpty: false, what: { zh: '数据', en: 'data' } };

export function safetyOf(name: string): Safety {
  return RULES.find(([re]) => re.test(name))?.[1] ?? UNKNOWN;
}
