import type { StatusTone } from '../../ui';
import type { RiskLevel } from '../../domain/caseVocabulary';

/** The colour family of a risk level (the text always says the level too). */
export const riskTone: Record<RiskLevel, StatusTone> = { hoog: 'danger', gemiddeld: 'warning', laag: 'positive' };
