// The simulated {gateway}/submit.php (page payment): a signed GET link or form POST from the merchant's
// page; the buyer's browser goes on to the simulated pay page, or sees an error page.
import { EasypayGatewayError } from './gateway-error';
import { createEasypayTrade } from './create-trade';
import { verifySignedRequest } from './merchant';
import { PAY_PAGE_PATH } from './pay-page-url';
import { readEasypayParams } from './read-params';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorPage(error: EasypayGatewayError): Response {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>易支付沙箱 - 错误</title></head>
<body style="font-family:sans-serif;margin:24px"><p style="background:#fff7e6;padding:8px">沙箱 SANDBOX</p><h1>易支付</h1><p>${escapeHtml(error.msg)}</p></body></html>`;
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export async function handleEasypaySubmit(request: Request, now = new Date()): Promise<Response> {
  try {
    const params = await readEasypayParams(request);
    const merchant = await verifySignedRequest(params);
    const trade = await createEasypayTrade({ merchant, entry: 'submit.php', params, now });
    // Relative, so the browser stays on whichever host it reached us by; 303 turns a form POST into a GET.
    return new Response(null, { status: request.method === 'POST' ? 303 : 302, headers: { location: `${PAY_PAGE_PATH}/${trade.tradeNo}` } });
  } catch (error) {
    if (error instanceof EasypayGatewayError) return errorPage(error);
    throw error;
  }
}
