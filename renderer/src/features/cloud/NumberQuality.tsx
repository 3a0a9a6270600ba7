import type { WireCloudNumber } from '../../../../common/api/cloud';
import type { CloudT } from './useCloudT';

const RATINGS = ['GREEN', 'YELLOW', 'RED'] as const;
/** Meta's tiers as a number of customers a day; others (TIER_NOT_SET, ones Meta adds) are shown as Meta names them. */
const LIMITS: Record<string, string> = {
  TIER_50: '50',
  TIER_250: '250',
  TIER_1K: '1,000',
  TIER_2K: '2,000',
  TIER_10K: '10,000',
  TIER_100K: '100,000',
};

/**
 * The number's standing as Meta last reported it: quality rating (with what a low one
 * means) and messaging limit. Nothing until Meta has reported one.
 */
export function NumberQuality({ t, number: n }: { readonly t: CloudT; readonly number: WireCloudNumber }) {
  const rating = RATINGS.find(r => r === n.qualityRating);
  if (!rating && !n.messagingLimit) return null;
  const limit = n.messagingLimit
    ? n.messagingLimit === 'TIER_UNLIMITED'
      ? t('cloud.quality.unlimited')
      : LIMITS[n.messagingLimit]
        ? t('cloud.quality.limit', { n: LIMITS[n.messagingLimit]! })
        : n.messagingLimit
    : null;
  return (
    <div className="small" data-testid="cloud-quality">
      {rating && (
        <span className={`cloud-quality cloud-quality-${rating.toLowerCase()}`}>
          {t('cloud.quality.label')}: {t(`cloud.quality.${rating}`)}
        </span>
      )}
      {limit && (
        <span className="muted">
          {rating ? ' · ' : ''}
          {t('cloud.quality.limitLabel')}: {limit}
        </span>
      )}
      {rating && rating !== 'GREEN' && <p className="muted">{t(`cloud.quality.help.${rating}`)}</p>}
    </div>
  );
}
