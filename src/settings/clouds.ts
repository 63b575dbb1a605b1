// Per-cloud hosts (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud).
// Sovereign mail hosts and resources are partly unconfirmed, so every one of them can be
// overridden with the `endpoints` input.
import type { Cloud, Endpoints } from './types.js';

export const CLOUD_ENDPOINTS: Record<Cloud, Endpoints> = {
  public: {
    authority: 'https://login.microsoftonline.com',
    graph: 'https://graph.microsoft.com',
    outlookDelegated: 'https://outlook.office.com',
    outlookApp: 'https://outlook.office365.com',
    imap: { host: 'outlook.office365.com', port: 993 },
    pop: { host: 'outlook.office365.com', port: 995 },
    smtp: { host: 'smtp.office365.com', port: 587 },
  },
  usgov: {
    authority: 'https://login.microsoftonline.us',
    graph: 'https://graph.microsoft.us',
    outlookDelegated: 'https://outlook.office365.us',
    outlookApp: 'https://outlook.office365.us',
    imap: { host: 'outlook.office365.us', port: 993 },
    pop: { host: 'outlook.office365.us', port: 995 },
    smtp: { host: 'smtp.office365.us', port: 587 },
  },
  'usgov-dod': {
    authority: 'https://login.microsoftonline.us',
    graph: 'https://dod-graph.microsoft.us',
    outlookDelegated: 'https://outlook-dod.office365.us',
    outlookApp: 'https://outlook-dod.office365.us',
    imap: { host: 'outlook-dod.office365.us', port: 993 },
    pop: { host: 'outlook-dod.office365.us', port: 995 },
    smtp: { host: 'outlook-dod.office365.us', port: 587 },
  },
  china: {
    authority: 'https://login.partner.microsoftonline.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    outlookDelegated: 'https://partner.outlook.cn',
    outlookApp: 'https://partner.outlook.cn',
    imap: { host: 'partner.outlook.cn', port: 993 },
    pop: { host: 'partner.outlook.cn', port: 995 },
    smtp: { host: 'smtp.partner.outlook.cn', port: 587 },
  },
};
