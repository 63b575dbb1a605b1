// The fallback for resolving permission names to ids when the tenant's resource service
// principals cannot be read (https://learn.microsoft.com/graph/permissions-reference). Graph ids come from Microsoft's provisioning
// data; Exchange Online ids from community dumps (UNCONFIRMED), so the tenant's own answer wins.
import type { PermissionType, ResourceKey } from '../settings/types.js';

export const RESOURCE_NAMES: Record<ResourceKey, string> = {
  graph: 'Microsoft Graph',
  exchange: 'Office 365 Exchange Online',
};

type Table = Record<ResourceKey, Record<PermissionType, Record<string, string>>>;

export const BUILTIN_IDS: Table = {
  graph: {
    application: {
      'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
      'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
      'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
      'Application.ReadWrite.OwnedBy': '18a4783c-866b-4cc7-a460-3d5e5662c884',
      'Application.ReadWrite.All': '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
      'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
      'DelegatedPermissionGrant.Read.All': '81b4724a-58aa-41c1-8a55-84ef97466587',
    },
    delegated: {
      'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
      'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
      offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
      openid: '37f7f235-527c-4136-accd-4a02d197296e',
      profile: '14dad69e-099b-42c9-810b-d002981feec1',
      email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
      'IMAP.AccessAsUser.All': '652390e4-393a-48de-9484-05f9b1212954',
      'POP.AccessAsUser.All': 'd7b7f2d9-0f45-4ea1-9d42-e50810c06991',
      'SMTP.Send': '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
    },
  },
  exchange: {
    application: {
      'IMAP.AccessAsApp': '5e5addcd-3e8d-4e90-baf5-964efab2b20a',
      'POP.AccessAsApp': 'cb842b43-da6e-4506-86fe-bb12199c656d',
      'SMTP.SendAsApp': '7146a1f0-8703-45b3-9eae-527a64c00995',
      full_access_as_app: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40',
      'Exchange.ManageAsApp': 'dc50a0fb-09a3-484d-be87-e023b12c6440',
    },
    delegated: {
      'IMAP.AccessAsUser.All': '195adc35-e27b-454b-a7ed-1ecdffa1c09f',
      'POP.AccessAsUser.All': 'fb698133-92fa-453e-a9ed-688e10f2e5ac',
      'SMTP.Send': '76faac2a-0f20-42f1-928a-50de5b9dbe52',
    },
  },
};
