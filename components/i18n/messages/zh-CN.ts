/**
 * The source dictionary: every UI string, in Simplified Chinese. Its shape is the `Messages` type
 * the other locales must match, so adding a key here makes a missing translation a type error.
 */
import { alertsZhCN } from './sections/alerts.zh-CN';
import { adminZhCN } from './sections/admin.zh-CN';
import { alertRulesZhCN } from './sections/alert-rules.zh-CN';
import { checkoutZhCN } from './sections/checkout.zh-CN';
import { exportsZhCN } from './sections/exports.zh-CN';
import { dingtalkZhCN } from './sections/dingtalk.zh-CN';
import { merchantsZhCN } from './sections/merchants.zh-CN';
import { overviewZhCN } from './sections/overview.zh-CN';
import { paymentsZhCN } from './sections/payments.zh-CN';
import { reconciliationZhCN } from './sections/reconciliation.zh-CN';
import { splitsZhCN } from './sections/splits.zh-CN';
import { webhooksZhCN } from './sections/webhooks.zh-CN';

export const zhCN = {
  ...adminZhCN,
  ...alertRulesZhCN,
  ...alertsZhCN,
  ...checkoutZhCN,
  ...exportsZhCN,
  ...dingtalkZhCN,
  ...merchantsZhCN,
  ...overviewZhCN,
  ...paymentsZhCN,
  ...reconciliationZhCN,
  ...splitsZhCN,
  ...webhooksZhCN,
  common: {
    appName: 'PayCenter 支付中心',
  },
  locale: {
    label: '界面语言',
  },
  roles: {
    PLATFORM_ADMIN: '平台管理员',
    COMPANY_ADMIN: '公司管理员',
    COMPANY_STAFF: '公司员工',
    AUDITOR: '审计员',
  },
  login: {
    metaTitle: '登录',
    title: '登录到 PayCenter',
    subtitle: '使用你的工作邮箱和密码登录。',
    emailLabel: '邮箱',
    passwordLabel: '密码',
    submit: '登录',
    submitting: '正在登录…',
    emailRequired: '请输入邮箱。',
    emailInvalid: '请输入有效的邮箱地址，例如 name@example.com。',
    passwordRequired: '请输入密码。',
    errorTitle: '无法登录',
    errors: {
      credentials: '邮箱或密码不正确，请检查后重试。',
      throttled: '登录失败次数过多。为了账号安全，请在 {time} 之后再试。',
      throttledNoTime: '登录失败次数过多。为了账号安全，请几分钟后再试。',
      disabled: '该账号已被停用。如需恢复，请联系你的管理员。',
      unexpected: '登录时发生意外错误，请稍后重试。如果问题持续存在，请联系平台管理员。',
    },
    notices: {
      expiredTitle: '登录已过期',
      expired: '你的登录会话已过期，请重新登录。',
      revokedTitle: '登录已失效',
      revoked: '你的登录会话已失效（密码已修改或账号状态已变更），请重新登录。',
    },
    footer: '仅限授权人员使用，所有操作均记录在审计日志中。',
  },
  nav: {
    label: '主导航',
    openMenu: '打开菜单',
    closeMenu: '关闭菜单',
    items: {
      overview: '首页',
      companies: '物业公司',
      merchants: '商户',
      apps: '应用',
      payments: '支付记录',
      refunds: '退款',
      webhooks: '通知',
      audit: '审计日志',
      users: '用户',
      dingtalk: '钉钉机器人',
      reconciliation: '对账',
      alerts: '告警',
    },
  },
  header: {
    skipToContent: '跳到主要内容',
    signOut: '退出登录',
    signingOut: '正在退出…',
  },
  home: {
    metaTitle: '首页',
    welcome: '欢迎回来，{name}',
    emptyTitle: '还没有支付记录',
    nextSteps: '接下来',
    platformAdmin: {
      description: '业务应用发起第一笔支付后，支付记录会显示在这里。开始之前：',
      step1: '登记一家物业公司，并为其创建管理员账号。',
      step2: '注册一个业务应用，获取它的接入凭证。',
    },
    companyAdmin: {
      description: '业务应用通过你的商户收款后，支付记录会显示在这里。开始之前：',
      step1: '开设一个商户。',
      step2: '为商户开通支付渠道（如支付宝、微信支付），并填写渠道参数。',
    },
    other: {
      description: '暂时没有可显示的内容。公司管理员开通商户和支付渠道后，支付记录会显示在这里。',
    },
  },
};

export type Messages = typeof zhCN;
