// Permission ids the sandbox's resource service principals publish. Graph ids from Microsoft's
// provisioning data; Exchange ids from community dumps (https://learn.microsoft.com/graph/permissions-reference for Graph). The product
// resolves names at run time from these service principals, so the sandbox is the source here.
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export const GRAPH_SCOPES: Record<string, string> = {
  'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
  openid: '37f7f235-527c-4136-accd-4a02d197296e',
  profile: '14dad69e-099b-42c9-810b-d002981feec1',
  email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
  'IMAP.AccessAsUser.All': '652390e4-393a-48de-9484-05f9b1212954',
  'POP.AccessAsUser.All': 'd7b7f2d9-0f45-4ea1-9d42-e50810c06991',
  'SMTP.Send': '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
};
export const GRAPH_ROLES: Record<string, string> = {
  'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
};
export const EXCHANGE_SCOPES: Record<string, string> = {
  'IMAP.AccessAsUser.All': '195adc35-e27b-454b-a7ed-1ecdffa1c09f',
  'POP.AccessAsUser.All': 'fb698133-92fa-453e-a9ed-688e10f2e5ac',
  'SMTP.Send': '76faac2a-0f20-42f1-928a-50de5b9dbe52',
};
export const EXCHANGE_ROLES: Record<string, string> = {
  'IMAP.AccessAsApp': '5e5addcd-3e8d-4e90-baf5-964efab2b20a',
  'POP.AccessAsApp': 'cb842b43-da6e-4506-86fe-bb12199c656d',
  'SMTP.SendAsApp': '7146a1f0-8703-45b3-9eae-527a64c00995',
  // Same id as Graph's Mail.Send: why permissions are matched on (resource, id), never id alone.
  'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
};
