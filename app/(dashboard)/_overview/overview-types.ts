import type { RouterOutputs } from '../router-outputs';

export type OverviewData = RouterOutputs['analytics']['overview'];
export type Figures = OverviewData['totals'];
