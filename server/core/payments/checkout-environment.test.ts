import { describe, expect, it } from 'vitest';
import { checkoutEnvironment, onPhone } from './checkout-environment';

// Real User-Agent strings, as the apps and browsers send them.
const AGENTS = {
  wechatIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatWindows:
    'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/8555 Flue',
  wechatWork:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.16 MicroMessenger/7.0.1 Language/zh ColorScheme/Light',
  alipayAndroid:
    'Mozilla/5.0 (Linux; U; Android 12; zh-CN; PEHM00 Build/SKQ1.210216.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.43 Mobile Safari/537.36 UCBS/3.22.2.43_220223200704 ChannelId(1) NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CNAriver/1.0.0',
  alipayIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.50.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.50.6000 Language/zh-Hans Region/CN NebulaX/1.0.0',
  safariIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  harmony: 'Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300',
  chromeDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};

describe('checkoutEnvironment', () => {
  it('finds WeChat on iOS, Android and Windows, and treats WeChat Work as WeChat', () => {
    for (const agent of [AGENTS.wechatIos, AGENTS.wechatAndroid, AGENTS.wechatWindows, AGENTS.wechatWork]) expect(checkoutEnvironment(agent)).toBe('WECHAT');
  });

  it('finds Alipay on Android and iOS', () => {
    expect(checkoutEnvironment(AGENTS.alipayAndroid)).toBe('ALIPAY');
    expect(checkoutEnvironment(AGENTS.alipayIos)).toBe('ALIPAY');
  });

  it('tells other phones from desktops, and takes a missing User-Agent for a desktop', () => {
    for (const agent of [AGENTS.safariIos, AGENTS.chromeAndroid, AGENTS.harmony]) expect(checkoutEnvironment(agent)).toBe('MOBILE');
    for (const agent of [AGENTS.chromeDesktop, AGENTS.safariMac, '', null, undefined]) expect(checkoutEnvironment(agent)).toBe('DESKTOP');
  });

  it('counts both in-app browsers as phones', () => {
    expect([onPhone('WECHAT'), onPhone('ALIPAY'), onPhone('MOBILE'), onPhone('DESKTOP')]).toEqual([true, true, true, false]);
  });
});
