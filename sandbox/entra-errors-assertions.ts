// Entra's answers to client assertions (certificates and workload identity federation), worded as
// real answers that users pasted into public issue threads; the source of each is next to it.
// `{issuer}`, `{subject}`, `{audience}`, `{thumbprint}`, `{client}`, `{now}`, `{nbf}`, `{exp}` are
// filled in by the token route. Statuses: invalid_client answers come with HTTP 401 (as the
// sandbox's other invalid_client codes, and the 7002137 reply in microsoft/Agents#202);
// 70021 came with invalid_request.
import type { EntraErrorSpec } from './entra-errors.js';

const WIF_DOC = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation';
const CHECK =
  'Check your federated identity credential Subject, Audience and Issuer against the presented assertion.';

export const ASSERTION_ERRORS: Record<number, Omit<EntraErrorSpec, 'code'>> = {
  // https://github.com/Azure/azure-workload-identity/issues/616 (the older, all-in-one message).
  70021: {
    status: 400,
    error: 'invalid_request',
    text: `No matching federated identity record found for presented assertion. Assertion Issuer: '{issuer}'. Assertion Subject: '{subject}'. Assertion Audience: '{audience}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
  },
  // https://github.com/Azure/azure-workload-identity/issues/1200 (comment of 2024-03-01).
  700211: {
    status: 401,
    error: 'invalid_client',
    text: `No matching federated identity record found for presented assertion issuer '{issuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
  },
  // Wording UNCONFIRMED: seen only in a public test fixture (AzureAccessTokenProviderTest), in the
  // same shape as 700211 and 700213.
  700212: {
    status: 401,
    error: 'invalid_client',
    text: `No matching federated identity record found for presented assertion audience '{audience}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
  },
  // https://github.com/dotnet/maui/pull/31978 and Azure/azure-workload-identity#1200 (2025 wording;
  // Azure/login#379 shows the older "Please check ..." variant).
  700213: {
    status: 401,
    error: 'invalid_client',
    text: `No matching federated identity record found for presented assertion subject '{subject}'. ${CHECK} ${WIF_DOC}`,
  },
  // https://github.com/Azure/login/issues/515
  7002138: {
    status: 401,
    error: 'invalid_client',
    text: `No matching federated identity record found for presented assertion subject '{subject}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. ${CHECK} See documentation at: ${WIF_DOC}. See breaking change notification and remediation at: https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.`,
  },
  // https://github.com/AzureAD/microsoft-authentication-library-for-java/issues/984 and
  // AzureAD/microsoft-authentication-library-for-dotnet#4951.
  700024: {
    status: 401,
    error: 'invalid_client',
    text: 'Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .',
  },
  // https://github.com/Azure/azure-sdk-for-net/issues/29007 (key not found) and
  // pnp/cli-microsoft365#1621; the signature-mismatch reason as in microsoftgraph/msgraph-sdk-php#1585.
  700027: {
    status: 401,
    error: 'invalid_client',
    text: "Client assertion contains an invalid signature. [Reason - {reason}, Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{client}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/{client}']. Alternatively, SNI may be configured on the app. Please ensure that client assertion is being sent with the x5c claim in the JWT header using MSAL's WithSendX5C() method so that Azure Active Directory can validate the certificate being used.",
  },
  // https://github.com/AzureAD/microsoft-authentication-library-for-dotnet/issues/2746
  700023: {
    status: 401,
    error: 'invalid_client',
    text: 'Client assertion audience claim does not match Realm issuer. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .',
  },
  // The reference page's name for it (docs/identity-platform/reference-error-codes.md in
  // MicrosoftDocs/entra-docs: "SubjectMismatchesIssuer").
  50048: {
    status: 401,
    error: 'invalid_client',
    text: 'Subject mismatches Issuer claim in the client assertion. Contact the tenant admin.',
  },
  // The reference page's InvalidJwtToken (MicrosoftDocs/entra-docs reference-error-codes.md lists
  // its reasons: format, issuer, audience, time range, signature); the exact sentence varies.
  50027: {
    status: 401,
    error: 'invalid_client',
    text: 'Invalid JWT token. The token format is not valid or its signature could not be verified.',
  },
  // https://github.com/zitadel/oidc/issues/887
  5002741: {
    status: 401,
    error: 'invalid_client',
    text: 'Number of audience values in the provided client credential exceed maximum allowed. 2 audience values provided, maximum allowed is 1.',
  },
  // Wording UNKNOWN: no real reply found. AzureAD/microsoft-identity-web lists the code among its
  // certificate errors, once as CertificateNotWithinValidityPeriod and once (in a test) as
  // ClientAssertionContainsInvalidSignature. The sandbox's text says so rather than guess.
  7000274: {
    status: 401,
    error: 'invalid_client',
    text: 'Client assertion certificate is not within its validity period. (Sandbox wording: Microsoft’s text for this code is unknown.)',
  },
};
