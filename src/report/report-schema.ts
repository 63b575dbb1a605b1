// The contract's JSON report (README.md, Outputs: `report-path`) as a zod schema: the CLI's
// `--json` output and the action's report file are validated against it in tests, and scripts
// that consume the report can use it to parse.
import { z } from 'zod';
import { CHECK_IDS } from '../engine/types.js';

const checkResultSchema = z.strictObject({
  id: z.enum(CHECK_IDS),
  title: z.string().min(1),
  status: z.enum(['pass', 'warn', 'fail', 'skip']),
  summary: z.string().min(1),
  details: z.string().optional(),
  remediation: z.string().optional(),
  code: z.string().optional(),
});

const secretReportSchema = z.object({
  keyId: z.string(),
  displayName: z.string(),
  hint: z.string(),
  endDateTime: z.string(),
  daysLeft: z.number().int(),
  inUse: z.boolean(),
  app: z.string(),
});

export const reportSchema = z.strictObject({
  version: z.literal(1),
  result: z.enum(['pass', 'warn', 'fail']),
  tenantId: z.string(),
  clientId: z.string(),
  grant: z.enum(['password', 'client-credentials']).nullable(),
  checks: z.array(checkResultSchema).min(1),
  token: z.strictObject({ expiresOn: z.iso.datetime(), scopes: z.array(z.string()) }).nullable(),
  secrets: z.array(secretReportSchema),
});

export type ReportJson = z.infer<typeof reportSchema>;
