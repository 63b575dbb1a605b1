// Shapes of the token endpoint's answers (https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc). expires_in may arrive as a
// number or a string; everything else is optional except the token itself.
import { z } from 'zod';

const seconds = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const tokenSuccessSchema = z.object({
  token_type: z.string().default('Bearer'),
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: seconds,
  ext_expires_in: seconds.optional(),
  scope: z.string().optional(),
});
export type TokenSuccess = z.infer<typeof tokenSuccessSchema>;

// `error` may be missing from a relayed or trimmed body that still carries the description (the
// AADSTS code is then read from the description): such a body is still Entra's refusal.
export const entraErrorSchema = z
  .object({
    error: z.string().default(''),
    error_description: z.string().optional(),
    error_codes: z.array(z.number()).optional(),
    timestamp: z.string().optional(),
    trace_id: z.string().optional(),
    correlation_id: z.string().optional(),
    error_uri: z.string().optional(),
    suberror: z.string().optional(),
    claims: z.string().optional(),
  })
  .refine((e) => e.error !== '' || e.error_description !== undefined, {
    message: 'neither error nor error_description',
  });
export type EntraError = z.infer<typeof entraErrorSchema>;
