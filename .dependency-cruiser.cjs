// The module map's arrows (docs/architecture.md), enforced by `npm run lint`:
// doors (app/, server/api/, inngest/, scripts/) → services (monitoring; backend → core → messaging;
// finance) → gateway → channel SDKs; the alert rules (server/monitoring/rules) sit below every service. Shared infrastructure (db, errors, config, lib, logging, security,
// contract, observability) may be used by anyone and uses none of the rooms above it.
// Tests and test helpers may reach anywhere: they are not production code.
const TESTS = '(\\.test\\.tsx?$|\\.integration\\.test\\.ts$|/testing/|^e2e/|^server/testing/|test-support\\.ts$|test-vectors\\.ts$)';
const DOORS = '^(app|inngest|scripts|server/api|server/jobs)/';
const SERVICES = '^server/(core|backend|messaging|finance|monitoring)/';
// The monitoring room above the services it watches, without its rules, which every service may read.
const MONITORING = 'server/monitoring/(?!rules/)';
const INFRA = '^server/(db|errors|config|lib|logging|security|contract|observability)/';

const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from, pathNot: TESTS }, to: { path: to } });

module.exports = {
  forbidden: [
    forbid('gateway-knows-no-orders', 'The gateway speaks to channels; it knows nothing of orders, staff, messaging or simulators.',
      '^server/gateway/', '^(server/(core|backend|messaging|finance|monitoring|sandbox|api|http|jobs)|app|inngest|components)/'),
    forbid('core-is-not-backend', 'Transaction Core is called by the backend, never the other way.',
      '^server/core/', `^server/(backend|finance|api|http|sandbox|jobs)/|^${MONITORING}|^(app|inngest|components)/`),
    forbid('messaging-is-a-leaf-service', 'Messaging is told what happened; it does not call core or the backend, nor schedule through Inngest directly.',
      '^server/messaging/', `^server/(core|backend|finance|api|http|sandbox|jobs)/|^${MONITORING}|^(app|inngest|components)/`),
    forbid('backend-is-not-a-door', 'The backend serves the doors; it does not import them nor the simulators.',
      '^server/backend/', `^server/(api|sandbox|jobs)/|^${MONITORING}|^(app|inngest|components)/`),
    forbid('finance-is-a-service', 'Finance reads core and uses gateway and messaging; it serves the doors.',
      '^server/finance/', `^server/(backend|api|sandbox|jobs)/|^${MONITORING}|^(app|inngest|components)/`),
    forbid('monitoring-watches-services', 'Monitoring reads what the services record and raises alerts through messaging; it serves the doors (the monitoring job, the rules page).',
      '^server/monitoring/', '^server/(api|http|sandbox|jobs)/|^(app|inngest|components)/'),
    forbid('alert-rules-are-below-services', 'The alert rules (catalogue and settings) are read by every service that raises an alert, messaging included: they use infrastructure only.',
      '^server/monitoring/rules/', `^server/(core|backend|messaging|finance|gateway|sandbox|api|http|jobs)/|^${MONITORING}|^(app|inngest|components)/`),
    forbid('infrastructure-is-below-everything', 'Shared infrastructure uses none of the rooms above it.',
      INFRA, '^server/(core|backend|messaging|finance|monitoring|gateway|sandbox|api|http|jobs)/|^(app|inngest|components)/'),
    forbid('services-are-not-doors', 'Services do not import doors.', SERVICES, DOORS),
    forbid('production-never-imports-sandbox', 'Only doors wire the simulators in (and only when sandbox mode is on).',
      '^(server/(core|backend|messaging|finance|monitoring|gateway|http|db|errors|config|lib|logging|security|contract|observability)|components)/', '^(server/sandbox|app/sandbox)/'),
    forbid('sandbox-uses-public-services', 'Simulators speak the channel protocol and use services by their public entry points only.',
      '^server/sandbox/', '^server/(core|backend|messaging)/.*/(send-attempt|apply-payment-state|apply-refund-state|open-attempt|channel-call|send-refund)\\.ts$'),
    forbid('client-package-stands-alone', 'packages/paycenter-node is the app-side client, published on its own: it imports nothing of PayCenter outside itself.',
      '^packages/paycenter-node/', '^(?!packages/paycenter-node/)(packages|server|app|inngest|components|scripts|prisma|e2e)/'),
    {
      ...forbid('components-are-browser-code', 'UI components run in the browser: server modules for their types only, except the browser-safe contract.',
        '^components/', '^server/(?!contract/)'),
      to: { path: '^server/(?!contract/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the arrows meaningless.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true, pathNot: TESTS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.data|server/db/generated|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
