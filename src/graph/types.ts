// Shapes of the Microsoft Graph objects the checks read (https://learn.microsoft.com/graph/api/resources/application).
import * as z from 'zod/mini';
import { GRAPH_ID } from '../text/command-values.js';

/**
 * An object, app role or grant id: GUIDs and base64url, nothing else. These ids go into request
 * paths and into the commands the fixes print, so an answer with any other id is not taken (the
 * commands check again: text/command-values.ts).
 */
const graphIdSchema = z.string().check(z.regex(GRAPH_ID));

const passwordCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  hint: z.optional(z.nullable(z.string())),
  startDateTime: z.optional(z.nullable(z.string())),
  endDateTime: z.optional(z.nullable(z.string())),
});
export type PasswordCredential = z.infer<typeof passwordCredentialSchema>;

const keyCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  /** base64; by default the SHA-1 thumbprint of the certificate. */
  customKeyIdentifier: z.optional(z.nullable(z.string())),
  /** The certificate (base64 DER), only on a single-object read that selects keyCredentials. */
  key: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  usage: z.optional(z.nullable(z.string())),
  startDateTime: z.optional(z.nullable(z.string())),
  endDateTime: z.optional(z.nullable(z.string())),
});
export type KeyCredential = z.infer<typeof keyCredentialSchema>;

const requiredResourceAccessSchema = z.object({
  resourceAppId: z.string(),
  resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })),
});

export const applicationSchema = z.object({
  id: graphIdSchema,
  appId: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  signInAudience: z.optional(z.nullable(z.string())),
  isFallbackPublicClient: z.optional(z.nullable(z.boolean())),
  /** Redirect URIs per platform: Web (confidential) and Mobile and desktop (public client). */
  web: z.optional(z.nullable(z.object({ redirectUris: z._default(z.array(z.string()), []) }))),
  publicClient: z.optional(
    z.nullable(z.object({ redirectUris: z._default(z.array(z.string()), []) })),
  ),
  requiredResourceAccess: z._default(z.array(requiredResourceAccessSchema), []),
  passwordCredentials: z._default(z.array(passwordCredentialSchema), []),
  keyCredentials: z._default(z.array(keyCredentialSchema), []),
});
export type Application = z.infer<typeof applicationSchema>;

/** A federated identity credential (Graph `federatedIdentityCredential`). */
export const federatedCredentialSchema = z.object({
  name: z.string(),
  issuer: z.string(),
  subject: z.optional(z.nullable(z.string())),
  audiences: z._default(z.array(z.string()), []),
});
export type FederatedCredential = z.infer<typeof federatedCredentialSchema>;

export const graphErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.optional(z.string()) }),
});

/** Why a Graph read gave no answer: refused (403), not found, or not reachable. */
export interface GraphReadFailure {
  status?: number;
  code?: string;
  message: string;
  /** Graph's own `error.message`, one line and short (server text: quoted, never trusted). */
  graphMessage?: string;
}

const appRoleSchema = z.object({
  id: z.string(),
  value: z.optional(z.nullable(z.string())),
  allowedMemberTypes: z.optional(z.array(z.string())),
  isEnabled: z.optional(z.boolean()),
});

const permissionScopeSchema = z.object({
  id: z.string(),
  value: z.optional(z.nullable(z.string())),
  type: z.optional(z.string()),
  isEnabled: z.optional(z.boolean()),
});

/** A service principal: the app's own (object id for grants) or a resource's (its permissions). */
export const servicePrincipalSchema = z.object({
  id: graphIdSchema,
  appId: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  accountEnabled: z.optional(z.nullable(z.boolean())),
  appRoleAssignmentRequired: z.optional(z.nullable(z.boolean())),
  appRoles: z._default(z.array(appRoleSchema), []),
  oauth2PermissionScopes: z._default(z.array(permissionScopeSchema), []),
});
export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;

/** An application permission granted (admin consent) to the app's service principal. */
export const appRoleAssignmentSchema = z.object({
  id: z.optional(graphIdSchema),
  appRoleId: graphIdSchema,
  /** The resource's service principal OBJECT id (tenant-specific), not its appId. */
  resourceId: graphIdSchema,
  resourceDisplayName: z.optional(z.nullable(z.string())),
  principalId: z.optional(z.nullable(z.string())),
});
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentSchema>;

/** Delegated permissions consented for the app (all users, or one user). */
export const permissionGrantSchema = z.object({
  id: z.optional(graphIdSchema),
  /** The client's service principal OBJECT id. */
  clientId: graphIdSchema,
  consentType: z.string(),
  principalId: z.optional(z.nullable(z.string())),
  resourceId: graphIdSchema,
  /** Space-separated scope values, often with a leading space. */
  scope: z.optional(z.nullable(z.string())),
});
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;

export const collectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.optional(z.string()),
});

/** The outcome of one part of the registration read. */
export type GraphPart<T> = { ok: true; value: T } | { ok: false; failure: GraphReadFailure };
