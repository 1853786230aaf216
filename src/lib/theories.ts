import type { TheoryStage } from '../schemas/theory.ts';

const STAGE_LABELS: Record<TheoryStage, string> = {
  hunch: 'Hunch',
  'working-theory': 'Working theory',
  conviction: 'Conviction',
  retired: 'Retired',
};

/** How a stage reads on the page and on share cards. */
export function stageLabel(stage: TheoryStage): string {
  return STAGE_LABELS[stage];
}
