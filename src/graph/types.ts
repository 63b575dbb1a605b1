// Shapes of the Microsoft Graph objects the checks read (https://learn.microsoft.com/graph/api/resources/application).
import { z } from 'zod';

export const passwordCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.string().nullable().optional(),
  hint: z.string().nullable().optional(),
  startDateTime: z.string().nullable().optional(),
  endDateTime: z.string().nullable().optional(),
});
export type PasswordCredential = z.infer<typeof passwordCredentialSchema>;

export const keyCredentialSchema = z.object({
  keyId: z.string(),
  displayName: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  usage: z.string().nullable().optional(),
  startDateTime: z.string().nullable().optional(),
  endDateTime: z.string().nullable().optional(),
});
export type KeyCredential = z.infer<typeof keyCredentialSchema>;

const requiredResourceAccessSchema = z.object({
  resourceAppId: z.string(),
  resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })),
});

export const applicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  signInAudience: z.string().nullable().optional(),
  isFallbackPublicClient: z.boolean().nullable().optional(),
  /** Redirect URIs per platform: Web (confidential) and Mobile and desktop (public client). */
  web: z
    .object({ redirectUris: z.array(z.string()).default([]) })
    .nullable()
    .optional(),
  publicClient: z
    .object({ redirectUris: z.array(z.string()).default([]) })
    .nullable()
    .optional(),
  requiredResourceAccess: z.array(requiredResourceAccessSchema).default([]),
  passwordCredentials: z.array(passwordCredentialSchema).default([]),
  keyCredentials: z.array(keyCredentialSchema).default([]),
});
export type Application = z.infer<typeof applicationSchema>;

export const graphErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
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
  value: z.string().nullable().optional(),
  allowedMemberTypes: z.array(z.string()).optional(),
  isEnabled: z.boolean().optional(),
});

const permissionScopeSchema = z.object({
  id: z.string(),
  value: z.string().nullable().optional(),
  type: z.string().optional(),
  isEnabled: z.boolean().optional(),
});

/** A service principal: the app's own (object id for grants) or a resource's (its permissions). */
export const servicePrincipalSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
  appRoleAssignmentRequired: z.boolean().nullable().optional(),
  appRoles: z.array(appRoleSchema).default([]),
  oauth2PermissionScopes: z.array(permissionScopeSchema).default([]),
});
export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;

/** An application permission granted (admin consent) to the app's service principal. */
export const appRoleAssignmentSchema = z.object({
  id: z.string().optional(),
  appRoleId: z.string(),
  /** The resource's service principal OBJECT id (tenant-specific), not its appId. */
  resourceId: z.string(),
  resourceDisplayName: z.string().nullable().optional(),
  principalId: z.string().nullable().optional(),
});
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentSchema>;

/** Delegated permissions consented for the app (all users, or one user). */
export const permissionGrantSchema = z.object({
  id: z.string().optional(),
  /** The client's service principal OBJECT id. */
  clientId: z.string(),
  consentType: z.string(),
  principalId: z.string().nullable().optional(),
  resourceId: z.string(),
  /** Space-separated scope values, often with a leading space. */
  scope: z.string().nullable().optional(),
});
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;

export const collectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/** The outcome of one part of the registration read. */
export type GraphPart<T> = { ok: true; value: T } | { ok: false; failure: GraphReadFailure };
