// The one list of audiences (`aud`) an Exchange Online token may carry, per cloud. The mailbox
// diagnosis and the permission evidence both read it, so a token one accepts the other accepts.
// `https://ps.outlook.com` is here because MailKit's Exchange guide has app-only users request
// `https://ps.outlook.com/.default` and such tokens carry that audience
// (https://github.com/jstedfast/MailKit/blob/master/ExchangeOAuth2.md). Sovereign hosts beyond the
// configured resources are not confirmed by Microsoft's documentation; the `endpoints` input's
// `outlook-resource=` is always accepted.
import { RESOURCE_APP_IDS, type Cloud, type Endpoints } from '../settings/types.js';

const CLOUD_AUDIENCES: Record<Cloud, readonly string[]> = {
  public: ['https://outlook.office.com', 'https://outlook.office365.com', 'https://ps.outlook.com'],
  usgov: ['https://outlook.office365.us'],
  'usgov-dod': ['https://outlook-dod.office365.us', 'https://outlook.office365.us'],
  china: ['https://partner.outlook.cn'],
};

/** Every audience an Exchange token for this cloud (and these endpoints) may carry. */
export function exchangeAudiences(settings: {
  cloud: Cloud;
  endpoints: Pick<Endpoints, 'outlookDelegated' | 'outlookApp'>;
}): string[] {
  const all = [
    settings.endpoints.outlookDelegated,
    settings.endpoints.outlookApp,
    ...CLOUD_AUDIENCES[settings.cloud],
    // v1 tokens may name the resource by Exchange Online's application ID.
    RESOURCE_APP_IDS.exchange,
  ].map(normaliseAudience);
  return [...new Set(all)];
}

export function isExchangeAudience(aud: string, audiences: readonly string[]): boolean {
  return audiences.includes(normaliseAudience(aud));
}

export function normaliseAudience(value: string): string {
  return value.toLowerCase().replace(/\/+$/, '');
}
