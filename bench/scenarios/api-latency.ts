import type { Scenario } from '../bench-row';

export const apiLatency: Scenario = async () => [];
