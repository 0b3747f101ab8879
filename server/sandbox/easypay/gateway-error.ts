// epay's error answers: `{code: <negative>, msg}` in JSON for mapi.php and api.php, a short page for
// submit.php (the buyer's browser).

export class EasypayGatewayError extends Error {
  override name = 'EasypayGatewayError';

  constructor(
    readonly code: number,
    readonly msg: string,
  ) {
    super(`${code}: ${msg}`);
  }
}

export const badRequest = (msg: string) => new EasypayGatewayError(-1, msg);
export const badSignature = () => new EasypayGatewayError(-1, '签名校验失败，请返回重试！');
export const badKey = () => new EasypayGatewayError(-3, 'KEY校验失败');
export const unknownOrder = () => new EasypayGatewayError(-1, '订单编号不存在');

export function easypayJson(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** JSON answers for API scripts; anything else is a bug and propagates. */
export async function answerJson(run: () => Promise<Record<string, unknown>>): Promise<Response> {
  try {
    return easypayJson(await run());
  } catch (error) {
    if (!(error instanceof EasypayGatewayError)) throw error;
    return easypayJson({ code: error.code, msg: error.msg });
  }
}
