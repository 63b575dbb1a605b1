// Shapes of the Microsoft Graph objects the checks read (m365-facts.md section 5).
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

export const requiredResourceAccessSchema = z.object({
  resourceAppId: z.string(),
  resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })),
});

export const applicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  signInAudience: z.string().nullable().optional(),
  isFallbackPublicClient: z.boolean().nullable().optional(),
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
}
