// The payment sheet the simulated WeChat and Alipay clients show over a page (their JS bridges): a
// bottom sheet with "pay" and "cancel". "Pay" posts the bridge's parameters to the simulator, which
// checks them as the app would and pays; `done` gets the simulator's JSON answer, `cancelled` or
// `failed` otherwise. Returns the JavaScript of a function `sheet(params, done)`.
export function paymentSheetFunction(options: { title: string; payLabel: string; color: string; payPath: string; cancelled: unknown; failed: unknown }): string {
  const button = 'display:block;width:100%;margin-top:8px;padding:12px;border:0;border-radius:8px;font-size:16px;';
  return `function sheet(params, done) {
    var overlay = document.createElement('div');
    overlay.setAttribute('data-testid', 'sandbox-payment-sheet');
    overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:flex-end;z-index:2147483647;font-family:system-ui,sans-serif';
    overlay.innerHTML = '<div role="dialog" style="background:#fff;width:100%;padding:20px;border-radius:12px 12px 0 0;text-align:center">'
      + '<p style="margin:0;color:#666;font-size:13px">' + ${JSON.stringify(options.title)} + ' · 沙箱模拟 (sandbox)</p>'
      + '<button type="button" data-action="pay" style="${button}background:${options.color};color:#fff">' + ${JSON.stringify(options.payLabel)} + '</button>'
      + '<button type="button" data-action="cancel" style="${button}background:#f2f2f2;color:#333">取消 Cancel</button></div>';
    function close(result) { overlay.remove(); done(result); }
    overlay.querySelector('[data-action=cancel]').onclick = function () { close(${JSON.stringify(options.cancelled)}); };
    overlay.querySelector('[data-action=pay]').onclick = function () {
      fetch(${JSON.stringify(options.payPath)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) })
        .then(function (answer) { return answer.json(); })
        .then(close, function () { close(${JSON.stringify(options.failed)}); });
    };
    document.body.appendChild(overlay);
  }`;
}
