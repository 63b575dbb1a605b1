export const id = 553;
export const ids = [553,561];
export const modules = {

/***/ 7553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAssistant: () => (/* binding */ runAssistant)
});

// EXTERNAL MODULE: ./src/text/sanitise.ts
var sanitise = __webpack_require__(9169);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/assistant/admin-consent.ts
// The tenant-wide admin-consent URL and Microsoft's warning that goes with it. Source:
// https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent ("Construct the
// URL for granting tenant-wide admin consent", and its IMPORTANT note), which also names the roles
// that may use it.
function adminConsentUrl(authority, tenant, clientId) {
    return `${authority}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
const ADMIN_CONSENT_WARNING = [
    'Opening this URL as an administrator grants tenant-wide consent for every permission the',
    "registration's API permissions list (requiredResourceAccess), not only the ones this tool needs.",
    'Microsoft warns that granting tenant-wide admin consent may revoke permissions already granted',
    'tenant-wide for the application that are no longer configured; permissions users granted for',
    'themselves are not affected. Review the API permissions page first.',
    'Who may grant it: Privileged Role Administrator (any permission), Cloud Application Administrator',
    'or Application Administrator (any permission except Microsoft Graph application permissions).',
    'Source: https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent',
].join('\n');

// EXTERNAL MODULE: ./src/permissions/directory.ts
var directory = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/permissions/catalogue.ts
var catalogue = __webpack_require__(7065);
// EXTERNAL MODULE: ./src/permissions/builtin-ids.ts
var builtin_ids = __webpack_require__(2940);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
// EXTERNAL MODULE: ./src/text/command-values.ts
var command_values = __webpack_require__(6321);
;// CONCATENATED MODULE: ./src/assistant/plan.ts
// The setup plan: every step the connector's manual asks for, for the chosen grant, activities,
// read protocol and client authentication, each as done / missing / cannot tell, with the Graph
// writes that do a missing Entra step and, for people who prefer to do it by hand, the portal
// path, the Graph request, the `az` line and the Microsoft Graph PowerShell line with the
// tenant's IDs filled in. Exchange Online steps cannot be read or done through Graph: they are
// printed as Exchange Online PowerShell, with the service principal's object id (the Enterprise
// application's, not the registration's).
//
// Only additions: a write adds the permissions, grants and credential the plan lists and never
// removes or widens anything else. requiredResourceAccess is replaced as a whole by PATCH
// (https://learn.microsoft.com/graph/api/application-update), so the body is the registration's
// current list with the missing entries appended. A grant that exists for the same resource is
// updated with its current scopes plus the missing ones: Graph keeps one AllPrincipals grant per
// client and resource (https://github.com/hashicorp/terraform-provider-azuread/issues/690).





/** Written where a value exists only after an earlier write of the same apply. */
const NEW_SP = '{servicePrincipalId}';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Least-privileged delegated permission and the roles Microsoft lists for each kind of write (see sandbox/graph/admin-writes.ts for the pages). */
const NEEDS = {
    application: {
        permission: 'Application.ReadWrite.All',
        roles: ['Application Administrator', 'Cloud Application Administrator'],
    },
    graphAppRole: {
        permission: 'AppRoleAssignment.ReadWrite.All (with Application.Read.All)',
        roles: ['Privileged Role Administrator'],
    },
    otherAppRole: {
        permission: 'AppRoleAssignment.ReadWrite.All (with Application.Read.All)',
        roles: [
            'Privileged Role Administrator',
            'Application Administrator',
            'Cloud Application Administrator',
        ],
    },
    delegatedGrant: {
        permission: 'DelegatedPermissionGrant.ReadWrite.All',
        roles: [
            'Privileged Role Administrator',
            'Application Administrator',
            'Cloud Application Administrator',
        ],
    },
};
/** The delegated scopes the administrator's sign-in asks for: reads for a plan, writes for --apply. */
const ADMIN_SCOPES = {
    plan: ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'],
    apply: [
        'Application.ReadWrite.All',
        'AppRoleAssignment.ReadWrite.All',
        'DelegatedPermissionGrant.ReadWrite.All',
    ],
};
function buildPlan(read, o) {
    const dir = (0,directory/* buildDirectory */.W)({
        resources: {
            graph: asGraphPart(read.resources.graph),
            exchange: asGraphPart(read.resources.exchange),
        },
    });
    const steps = [];
    const app = read.application;
    const plan = { tenantId: o.tenantId, clientId: o.clientId, steps };
    const GRAPH = o.graphUrl;
    if (app.state !== 'found') {
        steps.push({
            id: 'registration',
            title: 'App registration',
            status: app.state === 'absent' ? 'missing' : 'unknown',
            detail: app.state === 'absent'
                ? `no application with the client id ${o.clientId} in tenant ${o.tenantId}; the assistant does not create registrations`
                : app.reason,
            writes: [],
            commands: {
                portal: 'Entra ID > App registrations > New registration (single tenant); then use its Application (client) ID',
                graph: [
                    `POST ${GRAPH}/applications {"displayName":"Mail connector","signInAudience":"AzureADMyOrg"}`,
                ],
                az: ['az ad app create --display-name "Mail connector" --sign-in-audience AzureADMyOrg'],
                powershell: [
                    'New-MgApplication -DisplayName "Mail connector" -SignInAudience AzureADMyOrg',
                ],
            },
        });
        return plan;
    }
    const application = app.value;
    plan.applicationObjectId = application.id;
    steps.push({
        id: 'registration',
        title: 'App registration',
        status: 'done',
        detail: `${application.displayName ?? ''} (object id ${application.id})`.trim(),
        writes: [],
    });
    const sp = read.servicePrincipal;
    const spId = sp.state === 'found' ? sp.value.id : undefined;
    if (spId)
        plan.servicePrincipalId = spId;
    const spRef = spId ?? NEW_SP;
    steps.push(servicePrincipalStep(sp, o));
    const reqs = (0,catalogue/* requiredPermissions */.kx)(o);
    steps.push(configuredStep(reqs, application, dir, o));
    const roleStep = appRoleStep(reqs, read, dir, spRef, o.graphUrl);
    if (roleStep)
        steps.push(roleStep);
    const grantStep = delegatedStep(reqs, read, dir, spRef, o.graphUrl);
    if (grantStep)
        steps.push(grantStep);
    steps.push(credentialStep(read, o));
    steps.push(...exchangeSteps(o, spId, application.displayName ?? 'Mail connector'));
    for (const step of steps) {
        const c = step.commands;
        const lines = [...(c ? [...c.graph, ...c.az, ...c.powershell] : []), ...(step.exchange ?? [])];
        if ((0,command_values/* showsUnexpectedId */.$6)(lines))
            step.detail = `${step.detail}. ${command_values/* UNEXPECTED_ID_NOTE */.jW}`;
    }
    return plan;
}
// The printed commands take Graph's ids through graphId (text/command-values.ts): an id with
// other characters than an id has is shown as a placeholder, never pasted into a command.
const idRef = (id) => (id === NEW_SP ? id : (0,command_values/* graphId */.sQ)(id));
/** A write's path as printed: every segment an id (the literal segments are id-shaped too). */
const shownPath = (path) => path
    .split('/')
    .map((segment) => (segment ? idRef(segment) : segment))
    .join('/');
/** A write's body as printed: the values of its id fields (principalId, resourceId, ...) checked. */
const shownBody = (body) => JSON.stringify(body, (key, value) => typeof value === 'string' && /id$/i.test(key) ? idRef(value) : value);
function asGraphPart(p) {
    return p.state === 'found'
        ? { ok: true, value: p.value }
        : { ok: false, failure: { message: p.state === 'absent' ? 'not found' : p.reason } };
}
function servicePrincipalStep(sp, o) {
    const GRAPH = o.graphUrl;
    const base = { id: 'service-principal', title: 'Service principal (Enterprise application)' };
    if (sp.state === 'found')
        return { ...base, status: 'done', detail: `object id ${sp.value.id}`, writes: [] };
    if (sp.state === 'unknown')
        return { ...base, status: 'unknown', detail: sp.reason, writes: [] };
    return {
        ...base,
        status: 'missing',
        detail: 'the registration has no service principal in this tenant, so nothing can be granted to it',
        writes: [
            {
                method: 'POST',
                path: '/servicePrincipals',
                body: { appId: o.clientId },
                what: `create the service principal of ${o.clientId}`,
                needs: NEEDS.application,
                createsServicePrincipal: true,
            },
        ],
        commands: {
            portal: 'Entra ID > App registrations > your app > Overview > "Managed application in local directory": Create Service Principal',
            graph: [`POST ${GRAPH}/servicePrincipals {"appId":"${o.clientId}"}`],
            az: [`az ad sp create --id ${(0,command_values/* graphId */.sQ)(o.clientId)}`],
            powershell: [`New-MgServicePrincipal -AppId ${(0,command_values/* graphId */.sQ)(o.clientId)}`],
        },
    };
}
/** Where a requirement is (or will be) configured: for mail delegated permissions, where it already is, else Graph (as the portal lists them). */
function resolve(req, dir, configuredUnder) {
    const resource = configuredUnder ?? req.resource;
    const lookup = dir.idOf(resource, req.name, req.type);
    return lookup.found ? { req, resource, id: lookup.id } : undefined;
}
function configuredUnder(req, application, dir) {
    const resources = req.eitherResource ? ['graph', 'exchange'] : [req.resource];
    const type = req.type === 'application' ? 'Role' : 'Scope';
    return resources.find((r) => {
        const lookup = dir.idOf(r, req.name, req.type);
        if (!lookup.found)
            return false;
        return application.requiredResourceAccess.some((rra) => rra.resourceAppId.toLowerCase() === types/* RESOURCE_APP_IDS */.w[r] &&
            rra.resourceAccess.some((a) => a.type === type && a.id.toLowerCase() === lookup.id.toLowerCase()));
    });
}
const label = (r) => `${r.resource === 'graph' || r.eitherResource ? 'Microsoft Graph' : builtin_ids/* RESOURCE_NAMES */.u[r.resource]} ${r.name} (${r.type})`;
function configuredStep(reqs, application, dir, o) {
    const GRAPH = o.graphUrl;
    const base = {
        id: 'api-permissions',
        title: 'API permissions configured (requiredResourceAccess)',
    };
    const missing = [];
    const unresolved = [];
    for (const req of reqs) {
        if (configuredUnder(req, application, dir))
            continue;
        const r = resolve(req, dir);
        if (r)
            missing.push(r);
        else
            unresolved.push(label(req));
    }
    if (!missing.length && !unresolved.length)
        return { ...base, status: 'done', detail: reqs.map(label).join(', '), writes: [] };
    if (!missing.length)
        return {
            ...base,
            status: 'unknown',
            detail: `no id known for ${unresolved.join(', ')}`,
            writes: [],
        };
    // The current list, as Graph returned it, with the missing entries appended per resource.
    const merged = application.requiredResourceAccess.map((rra) => ({
        resourceAppId: rra.resourceAppId,
        resourceAccess: rra.resourceAccess.map((a) => ({ id: a.id, type: a.type })),
    }));
    for (const m of missing) {
        const appId = types/* RESOURCE_APP_IDS */.w[m.resource];
        let entry = merged.find((e) => e.resourceAppId.toLowerCase() === appId);
        if (!entry)
            merged.push((entry = { resourceAppId: appId, resourceAccess: [] }));
        entry.resourceAccess.push({ id: m.id, type: m.req.type === 'application' ? 'Role' : 'Scope' });
    }
    const body = { requiredResourceAccess: merged };
    const byResource = groupBy(missing, (m) => m.resource);
    return {
        ...base,
        status: 'missing',
        detail: `missing: ${missing.map((m) => label(m.req)).join(', ')}${unresolved.length ? `; no id known for ${unresolved.join(', ')}` : ''}`,
        writes: [
            {
                method: 'PATCH',
                path: `/applications/${application.id}`,
                body,
                what: `add ${missing.map((m) => `${m.req.name} (${m.req.type})`).join(', ')} to the registration's API permissions`,
                needs: NEEDS.application,
            },
        ],
        commands: {
            portal: 'Entra ID > App registrations > your app > API permissions > Add a permission > (API) > Delegated / Application permissions',
            graph: [`PATCH ${GRAPH}/applications/${(0,command_values/* graphId */.sQ)(application.id)} ${shownBody(body)}`],
            az: [...byResource].map(([resource, list]) => `az ad app permission add --id ${(0,command_values/* graphId */.sQ)(o.clientId)} --api ${types/* RESOURCE_APP_IDS */.w[resource]} --api-permissions ${list.map((m) => `${(0,command_values/* graphId */.sQ)(m.id)}=${m.req.type === 'application' ? 'Role' : 'Scope'}`).join(' ')}`),
            powershell: [
                `Update-MgApplication -ApplicationId ${(0,command_values/* graphId */.sQ)(application.id)} -RequiredResourceAccess ${psRequiredResourceAccess(merged)}`,
            ],
        },
    };
}
function psRequiredResourceAccess(list) {
    const items = list.map((e) => `@{ResourceAppId=${(0,command_values/* psLiteral */.Lc)(e.resourceAppId)}; ResourceAccess=@(${e.resourceAccess.map((a) => `@{Id=${(0,command_values/* psLiteral */.Lc)(a.id)}; Type=${(0,command_values/* psLiteral */.Lc)(a.type)}}`).join(', ')})}`);
    return `@(${items.join(', ')})`;
}
function notRead(base, part) {
    const detail = part.state === 'unknown' ? part.reason : 'not readable';
    return { ...base, status: 'unknown', detail, writes: [] };
}
/** Nothing to write: done, or cannot tell when some permission could not be resolved. */
function settled(base, wanted, unresolved) {
    return unresolved.length
        ? { ...base, status: 'unknown', detail: `cannot resolve ${unresolved.join(', ')}`, writes: [] }
        : { ...base, status: 'done', detail: wanted.map(label).join(', '), writes: [] };
}
function appRoleStep(reqs, read, dir, spRef, GRAPH) {
    const wanted = reqs.filter((r) => r.type === 'application');
    if (!wanted.length)
        return undefined;
    const base = {
        id: 'consent-application',
        title: 'Admin consent: application permissions (appRoleAssignments)',
    };
    const held = read.appRoleAssignments;
    if (held.state !== 'found')
        return notRead(base, held);
    const missing = [];
    const unresolved = [];
    for (const req of wanted) {
        const r = resolve(req, dir);
        const resourceSp = read.resources[req.resource];
        if (!r || resourceSp.state !== 'found') {
            unresolved.push(label(req));
            continue;
        }
        const granted = held.value.some((a) => a.resourceId.toLowerCase() === resourceSp.value.id.toLowerCase() &&
            a.appRoleId.toLowerCase() === r.id.toLowerCase());
        if (!granted)
            missing.push({ ...r, resourceSpId: resourceSp.value.id });
    }
    if (!missing.length)
        return settled(base, wanted, unresolved);
    const writes = missing.map((m) => ({
        method: 'POST',
        path: `/servicePrincipals/${spRef}/appRoleAssignments`,
        body: { principalId: spRef, resourceId: m.resourceSpId, appRoleId: m.id },
        what: `grant ${builtin_ids/* RESOURCE_NAMES */.u[m.resource]} ${m.req.name} (application) to the service principal`,
        needs: m.resource === 'graph' ? NEEDS.graphAppRole : NEEDS.otherAppRole,
    }));
    return {
        ...base,
        status: 'missing',
        detail: `not granted: ${missing.map((m) => label(m.req)).join(', ')}`,
        writes,
        commands: {
            portal: 'Entra ID > App registrations > your app > API permissions > Grant admin consent for <tenant> (grants every configured permission: review the list first)',
            graph: writes.map((w) => `POST ${GRAPH}${shownPath(w.path)} ${shownBody(w.body)}`),
            az: writes.map((w) => `az rest --method POST --uri ${(0,command_values/* shWord */.y5)(GRAPH + shownPath(w.path))} --body ${(0,command_values/* shLiteral */.Bw)(shownBody(w.body))}`),
            powershell: missing.map((m) => `New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId ${idRef(spRef)} -PrincipalId ${idRef(spRef)} -ResourceId ${(0,command_values/* graphId */.sQ)(m.resourceSpId)} -AppRoleId ${(0,command_values/* graphId */.sQ)(m.id)}`),
        },
    };
}
function delegatedStep(reqs, read, dir, spRef, GRAPH) {
    const wanted = reqs.filter((r) => r.type === 'delegated');
    if (!wanted.length)
        return undefined;
    const base = {
        id: 'consent-delegated',
        title: 'Admin consent: delegated permissions (oauth2PermissionGrants)',
    };
    const grants = read.permissionGrants;
    if (grants.state !== 'found')
        return notRead(base, grants);
    const app = read.application.state === 'found' ? read.application.value : undefined;
    // Per resource: the names still to consent tenant-wide.
    const missing = new Map();
    const unresolved = [];
    for (const req of wanted) {
        const under = (app && configuredUnder(req, app, dir)) ?? req.resource;
        const resourceSp = read.resources[under];
        if (resourceSp.state !== 'found') {
            unresolved.push(label(req));
            continue;
        }
        const consented = grants.value.some((g) => g.consentType === 'AllPrincipals' &&
            g.resourceId.toLowerCase() === resourceSp.value.id.toLowerCase() &&
            (g.scope ?? '').split(/\s+/).some((s) => s.toLowerCase() === req.name.toLowerCase()));
        if (!consented)
            missing.set(under, [...(missing.get(under) ?? []), req.name]);
    }
    if (!missing.size)
        return settled(base, wanted, unresolved);
    const writes = [];
    const powershell = [];
    const az = [];
    for (const [resource, names] of missing) {
        const resourceSpId = read.resources[resource].value.id;
        const existing = grants.value.find((g) => g.consentType === 'AllPrincipals' &&
            g.resourceId.toLowerCase() === resourceSpId.toLowerCase());
        const current = (existing?.scope ?? '').split(/\s+/).filter(Boolean);
        const scope = [...current, ...names].join(' ');
        if (existing?.id) {
            writes.push({
                method: 'PATCH',
                path: `/oauth2PermissionGrants/${existing.id}`,
                body: { scope },
                what: `add ${names.join(', ')} to the tenant-wide ${builtin_ids/* RESOURCE_NAMES */.u[resource]} grant (keeping ${current.join(', ') || 'nothing'})`,
                needs: NEEDS.delegatedGrant,
            });
            powershell.push(`Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId ${(0,command_values/* graphId */.sQ)(existing.id)} -Scope ${(0,command_values/* psLiteral */.Lc)(scope)}`);
        }
        else {
            writes.push({
                method: 'POST',
                path: '/oauth2PermissionGrants',
                body: { clientId: spRef, consentType: 'AllPrincipals', resourceId: resourceSpId, scope },
                what: `consent ${names.join(', ')} on ${builtin_ids/* RESOURCE_NAMES */.u[resource]} for all users`,
                needs: NEEDS.delegatedGrant,
            });
            powershell.push(`New-MgOauth2PermissionGrant -ClientId ${idRef(spRef)} -ConsentType AllPrincipals -ResourceId ${(0,command_values/* graphId */.sQ)(resourceSpId)} -Scope ${(0,command_values/* psLiteral */.Lc)(scope)}`);
        }
    }
    // `az rest`, not `az ad app permission grant`: the latter has been reported to delete the
    // existing grants for the same client and resource first (https://github.com/Azure/azure-cli/issues/20974).
    for (const w of writes)
        az.push(`az rest --method ${w.method} --uri ${(0,command_values/* shWord */.y5)(GRAPH + shownPath(w.path))} --body ${(0,command_values/* shLiteral */.Bw)(shownBody(w.body))}`);
    return {
        ...base,
        status: 'missing',
        detail: `not consented for all users: ${[...missing].map(([r, n]) => `${builtin_ids/* RESOURCE_NAMES */.u[r]} ${n.join(', ')}`).join('; ')}`,
        writes,
        commands: {
            portal: 'Entra ID > App registrations > your app > API permissions > Grant admin consent for <tenant> (grants every configured permission: review the list first)',
            graph: writes.map((w) => `${w.method} ${GRAPH}${shownPath(w.path)} ${shownBody(w.body)}`),
            az,
            powershell,
        },
    };
}
/** GitHub's default subject for a job in an environment, or on a branch. */
function githubSubject(repository, environment, branch) {
    return environment
        ? `repo:${repository}:environment:${environment}`
        : `repo:${repository}:ref:refs/heads/${branch}`;
}
function credentialStep(read, o) {
    const GRAPH = o.graphUrl;
    const app = read.application.value;
    const live = (list) => list.filter((c) => !c.endDateTime || Date.parse(c.endDateTime) > o.now.getTime()).length;
    if (o.clientAuth === 'secret') {
        const n = live(app.passwordCredentials);
        const base = { id: 'credential', title: 'Client secret' };
        if (n)
            return { ...base, status: 'done', detail: `${n} client secret(s) not expired`, writes: [] };
        return {
            ...base,
            status: 'missing',
            detail: 'no unexpired client secret; the assistant never creates secrets (it would have to print one)',
            writes: [],
            commands: {
                portal: 'Entra ID > App registrations > your app > Certificates & secrets > Client secrets > New client secret (copy the Value)',
                graph: [
                    `POST ${GRAPH}/applications/${app.id}/addPassword {"passwordCredential":{"displayName":"mail connector"}}`,
                ],
                az: [
                    `az ad app credential reset --id ${(0,command_values/* graphId */.sQ)(o.clientId)} --append --display-name "mail connector" --years 1`,
                ],
                powershell: [
                    `Add-MgApplicationPassword -ApplicationId ${(0,command_values/* graphId */.sQ)(app.id)} -PasswordCredential @{DisplayName='mail connector'}`,
                ],
            },
        };
    }
    if (o.clientAuth === 'certificate') {
        const n = live(app.keyCredentials);
        const base = { id: 'credential', title: 'Certificate credential' };
        if (n)
            return { ...base, status: 'done', detail: `${n} certificate(s) not expired`, writes: [] };
        return {
            ...base,
            status: 'missing',
            detail: 'no unexpired certificate on the registration; the assistant does not upload certificates',
            writes: [],
            commands: {
                portal: 'Entra ID > App registrations > your app > Certificates & secrets > Certificates > Upload certificate (the public certificate only)',
                graph: [
                    `PATCH ${GRAPH}/applications/${app.id} {"keyCredentials":[...existing, {"type":"AsymmetricX509Cert","usage":"Verify","key":"<base64 DER>"}]}`,
                ],
                az: [`az ad app credential reset --id ${(0,command_values/* graphId */.sQ)(o.clientId)} --append --cert @cert.pem`],
                powershell: [
                    `Update-MgApplication -ApplicationId ${(0,command_values/* graphId */.sQ)(app.id)} -KeyCredentials @(<existing>, @{Type='AsymmetricX509Cert'; Usage='Verify'; Key=[IO.File]::ReadAllBytes('cert.cer')})`,
                ],
            },
        };
    }
    const base = { id: 'credential', title: 'Federated credential (GitHub Actions OIDC)' };
    const f = o.federation;
    if (!f.repository && !f.subject)
        return {
            ...base,
            status: 'unknown',
            detail: 'no repository given: pass --repository OWNER/REPO and --environment NAME (or --branch NAME)',
            writes: [],
        };
    // GitHub's default subject; repositories created after 2026-07-15 get ID-based subjects and an
    // organisation may customise them (https://docs.github.com/actions/reference/security/oidc),
    // so --federated-subject overrides it.
    const subject = f.subject || githubSubject(f.repository, f.environment, f.branch);
    const fics = read.federatedCredentials;
    if (fics.state === 'unknown')
        return { ...base, status: 'unknown', detail: fics.reason, writes: [] };
    const list = fics.state === 'found' ? fics.value : [];
    // Entra matches issuer, subject and audience exactly and case-sensitively
    // (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
    const match = list.find((c) => c.issuer === GITHUB_ISSUER && c.subject === subject && c.audiences.includes(f.audience));
    if (match)
        return { ...base, status: 'done', detail: `${match.name}: ${subject}`, writes: [] };
    const name = `github-${f.repository || 'subject'}-${f.environment || f.branch}`
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .slice(0, 120);
    const body = {
        name,
        issuer: GITHUB_ISSUER,
        subject,
        audiences: [f.audience],
        description: 'Added by m365-mail-preflight setup',
    };
    return {
        ...base,
        status: 'missing',
        detail: `no federated credential for ${subject} (audience ${f.audience})`,
        writes: [
            {
                method: 'POST',
                path: `/applications/${app.id}/federatedIdentityCredentials`,
                body,
                what: `add the federated credential ${name} for ${subject}`,
                needs: NEEDS.application,
            },
        ],
        commands: {
            portal: 'Entra ID > App registrations > your app > Certificates & secrets > Federated credentials > Add credential > GitHub Actions deploying Azure resources',
            graph: [
                `POST ${GRAPH}/applications/${(0,command_values/* graphId */.sQ)(app.id)}/federatedIdentityCredentials ${JSON.stringify(body)}`,
            ],
            az: [
                `az ad app federated-credential create --id ${(0,command_values/* graphId */.sQ)(o.clientId)} --parameters ${(0,command_values/* shLiteral */.Bw)(JSON.stringify({ name, issuer: GITHUB_ISSUER, subject, audiences: [f.audience] }))}`,
            ],
            powershell: [
                `New-MgApplicationFederatedIdentityCredential -ApplicationId ${(0,command_values/* graphId */.sQ)(app.id)} -Name ${(0,command_values/* psLiteral */.Lc)(name)} -Issuer ${(0,command_values/* psLiteral */.Lc)(GITHUB_ISSUER)} -Subject ${(0,command_values/* psLiteral */.Lc)(subject)} -Audiences @(${(0,command_values/* psLiteral */.Lc)(f.audience)})`,
            ],
        },
    };
}
/**
 * Exchange Online's side: Graph shows none of it, so it is always "cannot tell" and printed as
 * Exchange Online PowerShell (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth ;
 * New-ServicePrincipal takes -ObjectId, -ServiceId is deprecated:
 * https://learn.microsoft.com/powershell/module/exchange/new-serviceprincipal ;
 * SMTP AUTH per mailbox: https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission).
 */
function exchangeSteps(o, spId, displayName) {
    const mailbox = o.mailbox ? (0,command_values/* psLiteral */.Lc)(o.mailbox) : '<mailbox UPN>';
    const sp = spId === undefined ? '<service principal object id, known once it exists>' : (0,command_values/* graphId */.sQ)(spId);
    const reads = o.activities.includes('read');
    const sends = o.activities.includes('send');
    const unknown = 'Exchange Online settings are not visible through Microsoft Graph; run these in Exchange Online PowerShell (Connect-ExchangeOnline)';
    const steps = [];
    if (o.grant === 'client-credentials') {
        steps.push({
            id: 'exchange-service-principal',
            title: 'Exchange Online: register the service principal',
            status: 'unknown',
            detail: unknown,
            writes: [],
            exchange: [
                `New-ServicePrincipal -AppId ${(0,command_values/* graphId */.sQ)(o.clientId)} -ObjectId ${sp} -DisplayName ${(0,command_values/* psLiteral */.Lc)(`EXO ${displayName}`)}`,
                `Get-ServicePrincipal -Identity ${sp}`,
            ],
        });
        steps.push({
            id: 'exchange-mailbox-access',
            title: 'Exchange Online: mailbox access for the app',
            status: 'unknown',
            detail: unknown,
            writes: [],
            exchange: [
                `Add-MailboxPermission -Identity ${mailbox} -User ${sp} -AccessRights FullAccess`,
                ...(sends
                    ? [
                        `# or, for sending only, RBAC for Applications instead of the Entra SMTP.SendAsApp permission:`,
                        `New-ManagementRoleAssignment -App ${sp} -Role "Application SMTP.SendAsApp" -CustomResourceScope "<management scope>"`,
                    ]
                    : []),
                `Test-ServicePrincipalAuthorization -Identity ${sp} -Resource ${mailbox}`,
            ],
        });
    }
    const switches = [];
    if (reads)
        switches.push(o.readProtocol === 'pop' ? '-PopEnabled $true' : '-ImapEnabled $true');
    if (sends)
        switches.push('-SmtpClientAuthenticationDisabled $false');
    steps.push({
        id: 'exchange-protocols',
        title: `Exchange Online: ${[reads ? o.readProtocol.toUpperCase() : '', sends ? 'SMTP AUTH' : ''].filter(Boolean).join(' and ')} on for the mailbox`,
        status: 'unknown',
        detail: unknown,
        writes: [],
        exchange: [
            `Set-CASMailbox -Identity ${mailbox} ${switches.join(' ')}`,
            `Get-CASMailbox -Identity ${mailbox} | Format-List ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled`,
        ],
    });
    return steps;
}
function groupBy(list, key) {
    const map = new Map();
    for (const item of list)
        map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
}
/** Every write of the plan's missing Entra steps, in order. */
const plannedWrites = (plan) => plan.steps.filter((s) => s.status === 'missing').flatMap((s) => s.writes);

;// CONCATENATED MODULE: ./src/assistant/apply.ts

async function applyWrites(graph, writes, adminScopes) {
    const results = [];
    let newSpId;
    for (let i = 0; i < writes.length; i++) {
        const write = writes[i];
        const fill = (value) => newSpId ? JSON.parse(JSON.stringify(value).split(NEW_SP).join(newSpId)) : value;
        const path = fill(write.path);
        const reply = await graph.write(write.method, path, fill(write.body), write.what);
        const ok = reply.ok;
        const status = reply.ok ? reply.status : (reply.failure.status ?? 0);
        results.push({ write, path, status, answer: summarize(reply), ok });
        if (reply.ok && write.createsServicePrincipal) {
            const id = reply.body?.id;
            if (typeof id === 'string')
                newSpId = id;
        }
        if (!reply.ok)
            return {
                results,
                refusal: explain(write, reply.failure, adminScopes),
                notSent: writes.slice(i + 1),
            };
    }
    return { results, notSent: [] };
}
function summarize(reply) {
    if (!reply.ok)
        return clean(reply.failure.message);
    if (reply.status === 204)
        return 'No Content';
    const id = reply.body?.id;
    return typeof id === 'string' ? `created, id ${clean(id)}` : 'OK';
}
function explain(write, failure, adminScopes) {
    const { permission, roles } = write.needs;
    const base = permission.split(' ')[0];
    const roleText = `one of the directory roles ${roles.join(', ')}`;
    const refused = `Microsoft Graph refused it (${clean(failure.message)})`;
    if (failure.status === 403) {
        const scoped = adminScopes.some((s) => s.toLowerCase().endsWith(base.toLowerCase()));
        return {
            write,
            reason: scoped
                ? `${refused}: the write needs ${permission} and ${roleText}; the sign-in holds ${base}, so the signed-in administrator most likely lacks the role.`
                : `${refused}: the sign-in does not hold the delegated permission ${permission}${adminScopes.length ? ` (it holds ${adminScopes.join(', ')})` : ''}; the administrator also needs ${roleText}.`,
            fix: `Sign in as an administrator with ${roleText} (activate it in PIM if it is eligible only) and consent to ${permission} when asked, then run setup --apply again: the writes already made are not repeated.`,
        };
    }
    return {
        write,
        reason: refused,
        fix: 'Nothing after this write was sent. Run setup again to see the plan as the tenant is now.',
    };
}
/** Graph's text goes to a terminal: no control characters, bounded length. */
const clean = (text) => 
// eslint-disable-next-line no-control-regex
text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);

// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./src/graph/types.ts
var graph_types = __webpack_require__(2205);
;// CONCATENATED MODULE: ./src/assistant/read-tenant.ts
// What the tenant shows of the registration, read with the administrator's token: the application,
// its service principal (the Enterprise application), the grants on it, its federated credentials,
// and the Graph and Exchange Online service principals that give permission names their ids.
// Each part is known or not on its own: a refused read makes the steps that need it "cannot tell".
// Requests: https://learn.microsoft.com/graph/api/application-get ,
// https://learn.microsoft.com/graph/api/serviceprincipal-get ,
// https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments ,
// https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants ,
// https://learn.microsoft.com/graph/api/application-list-federatedidentitycredentials



const federatedCredentialSchema = schemas/* object */.Ikc({
    id: schemas/* optional */.lqM(schemas/* string */.YjP()),
    name: schemas/* string */.YjP(),
    issuer: schemas/* string */.YjP(),
    subject: schemas/* optional */.lqM(schemas/* nullable */.mee(schemas/* string */.YjP())),
    audiences: schemas/* _default */.Rvf(schemas/* array */.YOg(schemas/* string */.YjP()), []),
});
const APP_SELECT = 'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient';
const RESOURCE_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';
async function readTenant(graph, clientId) {
    const app = `/applications(appId='${clientId}')`;
    const [application, servicePrincipal, graphSp, exchangeSp, federatedCredentials] = await Promise.all([
        entity(graph, `${app}?$select=${APP_SELECT}`, graph_types/* applicationSchema */.Kv),
        entity(graph, `/servicePrincipals(appId='${clientId}')?$select=id,appId,displayName`, graph_types/* servicePrincipalSchema */.jR),
        entity(graph, `/servicePrincipals(appId='${types/* RESOURCE_APP_IDS */.w.graph}')?$select=${RESOURCE_SELECT}`, graph_types/* servicePrincipalSchema */.jR),
        entity(graph, `/servicePrincipals(appId='${types/* RESOURCE_APP_IDS */.w.exchange}')?$select=${RESOURCE_SELECT}`, graph_types/* servicePrincipalSchema */.jR),
        collection(graph, `${app}/federatedIdentityCredentials`, federatedCredentialSchema),
    ]);
    let appRoleAssignments;
    let permissionGrants;
    if (servicePrincipal.state === 'found') {
        const sp = `/servicePrincipals/${servicePrincipal.value.id}`;
        [appRoleAssignments, permissionGrants] = await Promise.all([
            collection(graph, `${sp}/appRoleAssignments`, graph_types/* appRoleAssignmentSchema */.eb),
            collection(graph, `${sp}/oauth2PermissionGrants`, graph_types/* permissionGrantSchema */.n_),
        ]);
    }
    else if (servicePrincipal.state === 'absent') {
        // No service principal: nothing can have been granted to it.
        appRoleAssignments = { state: 'found', value: [] };
        permissionGrants = { state: 'found', value: [] };
    }
    else {
        appRoleAssignments = permissionGrants = { state: 'unknown', reason: servicePrincipal.reason };
    }
    return {
        application,
        servicePrincipal,
        appRoleAssignments,
        permissionGrants,
        federatedCredentials,
        resources: { graph: graphSp, exchange: exchangeSp },
    };
}
async function entity(graph, path, schema) {
    const what = path.split('?')[0];
    const read = await graph.get(path, what);
    if (!read.ok)
        return read.failure.status === 404
            ? { state: 'absent' }
            : { state: 'unknown', reason: read.failure.message };
    const parsed = schema.safeParse(read.value);
    return parsed.success
        ? { state: 'found', value: parsed.data }
        : { state: 'unknown', reason: `Microsoft Graph answered ${what} with an unexpected shape` };
}
async function collection(graph, path, schema) {
    // A list cut short would make granted permissions look missing: a failure on any page is
    // "cannot tell", never a shorter list (GraphClient.all stops at a foreign-host next page).
    const listed = await graph.all({ url: path }, path, 100);
    if (!listed.ok)
        return listed.failure.status === 404
            ? { state: 'absent' }
            : { state: 'unknown', reason: listed.failure.message };
    const parsed = schemas/* array */.YOg(schema).safeParse(listed.value);
    return parsed.success
        ? { state: 'found', value: parsed.data }
        : { state: 'unknown', reason: `Microsoft Graph answered ${path} with an unexpected shape` };
}

;// CONCATENATED MODULE: ./src/assistant/render.ts


const MARK = { done: '✓', missing: '✗', unknown: '?' };
const WORD = { done: 'done', missing: 'missing', unknown: 'cannot tell' };
function renderPlan(plan, options = {}) {
    const lines = [];
    for (const step of plan.steps)
        lines.push(...renderStep(step));
    if (options.summary === false)
        return `${lines.join('\n')}\n`;
    const count = (s) => plan.steps.filter((x) => x.status === s).length;
    const writes = plannedWrites(plan).length;
    lines.push('', `Summary: ${count('missing')} missing (${writes} Graph write${writes === 1 ? '' : 's'} with --apply), ${count('unknown')} cannot tell, ${count('done')} done.`);
    return `${lines.join('\n')}\n`;
}
function renderStep(step) {
    const lines = [
        ` ${MARK[step.status]} ${step.title}: ${WORD[step.status]}${step.detail ? ` (${clean(step.detail)})` : ''}`,
    ];
    if (step.status === 'missing' && step.commands) {
        const c = step.commands;
        lines.push(`     Portal:     ${c.portal}`);
        for (const g of c.graph)
            lines.push(`     Graph:      ${g}`);
        for (const a of c.az)
            lines.push(`     az:         ${a}`);
        for (const p of c.powershell)
            lines.push(`     PowerShell: ${p}`);
    }
    if (step.exchange?.length) {
        lines.push('     Exchange Online PowerShell:');
        for (const e of step.exchange)
            lines.push(`       ${e}`);
    }
    return lines;
}
function renderWrites(plan) {
    const writes = plannedWrites(plan);
    return `${writes.map((w, i) => `  ${i + 1}. ${w.method} /v1.0${w.path}: ${w.what}\n     needs ${w.needs.permission} and one of: ${w.needs.roles.join(', ')}`).join('\n')}\n`;
}
function renderApply(result) {
    const lines = result.results.map((r) => ` ${r.ok ? '✓' : '✗'} ${r.write.method} /v1.0${r.path} → HTTP ${r.status} ${r.answer}`);
    if (result.refusal) {
        lines.push('', `Stopped: ${result.refusal.reason}`, `Fix: ${result.refusal.fix}`);
        if (result.notSent.length)
            lines.push(`Not sent (${result.notSent.length}): ${result.notSent.map((w) => w.what).join('; ')}`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/engine/redactor.ts
var engine_redactor = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/graph/client.ts
var client = __webpack_require__(2561);
// EXTERNAL MODULE: ./src/http/deadline.ts
var http_deadline = __webpack_require__(2378);
// EXTERNAL MODULE: ./src/http/client.ts
var http_client = __webpack_require__(3329);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(7765);
;// CONCATENATED MODULE: ./src/identity/device-code-diagnosis.ts

function diagnoseDeviceCode(f, ctx) {
    const consentFix = [
        'An administrator grants consent: `m365-mail-preflight setup --apply` (only what the plan lists),',
        `or the portal (Entra ID > App registrations > your app > API permissions > Grant admin consent),`,
        `or \`m365-mail-preflight consent --admin\` for the admin-consent URL (read its warning first).`,
    ];
    switch (f.code) {
        case 7000218:
            return {
                summary: 'AADSTS7000218: the registration is a confidential client, so Entra wants a client secret for the device-code flow ("Allow public client flows" is off).',
                explanation: [
                    'The device-code flow runs as a public client (no secret). Entra treats the registration as confidential while "Allow public client flows" (isFallbackPublicClient) is No.',
                    'Turning it on only for this check is enough. It is a fallback Entra uses when it cannot tell the client type; with a secret-based ROPC (grant: password with a client secret) Entra may then treat ROPC as public too and refuse the secret with AADSTS700025, so turn it off again after the check if the preflight then reports 700025.',
                ],
                fix: [
                    'Portal: Entra ID > App registrations > your app > Authentication > Advanced settings > Allow public client flows: Yes > Save.',
                    `az: az ad app update --id ${(0,command_values/* graphId */.sQ)(ctx.clientId)} --is-fallback-public-client true`,
                    `Microsoft Graph PowerShell: Update-MgApplicationByAppId -AppId ${(0,command_values/* graphId */.sQ)(ctx.clientId)} -IsFallbackPublicClient`,
                    `Afterwards, if a secret-based ROPC preflight reports AADSTS700025: az ad app update --id ${(0,command_values/* graphId */.sQ)(ctx.clientId)} --is-fallback-public-client false`,
                ],
            };
        case 90094:
            return {
                summary: 'AADSTS90094: the permissions need an administrator’s approval; the signed-in user may not consent to them.',
                explanation: [
                    'Tenant consent settings, or permissions that always need admin consent (the Exchange and Graph application permissions, IMAP/SMTP delegated scopes in many tenants), stop a user from consenting.',
                ],
                fix: consentFix,
            };
        case 53003:
            return {
                summary: 'AADSTS53003: a Conditional Access policy blocked the sign-in (policies can block the device-code flow itself).',
                explanation: [
                    'Most likely: a policy with the "Authentication flows > Device code flow" condition set to block. Also possible: a location, device or risk condition. The sign-in log (Entra ID > Monitoring > Sign-in logs, filter on this application) names the policy.',
                    'The device-code check is not needed to grant consent: an administrator can use the admin-consent URL in a browser instead.',
                ],
                fix: [
                    `Admin-consent URL instead of device code: ${ctx.adminConsentUrl}`,
                    '(run `m365-mail-preflight consent --admin` for Microsoft’s warning about what it grants and revokes)',
                    'Or ask for an exclusion of this check from the policy, for the time of the check.',
                ],
            };
        case 65001:
            return {
                summary: 'AADSTS65001: nobody has consented to these permissions for this application in this tenant.',
                explanation: [
                    'The scopes asked for are not consented, and Entra could not ask for consent in this flow.',
                ],
                fix: consentFix,
            };
    }
    switch (f.error) {
        case 'authorization_declined':
            return {
                summary: 'The sign-in was declined on the verification page.',
                explanation: [
                    'Most likely the person signing in chose Cancel or refused the consent prompt. Less likely: a "Need admin approval" page (AADSTS90094) that was closed.',
                ],
                fix: [
                    'Run `m365-mail-preflight consent` again and accept, or have an administrator grant consent:',
                    ...consentFix,
                ],
            };
        case 'expired_token':
        case 'local-expiry':
            return {
                summary: 'The code expired before the sign-in was finished.',
                explanation: [
                    'Nobody entered the code in time (Entra gives 15 minutes). A sign-in stuck on a "Need admin approval" page (AADSTS90094) or blocked by a policy ends the same way for this command.',
                ],
                fix: ['Run `m365-mail-preflight consent` again and finish the sign-in in time.'],
            };
        case 'bad_verification_code':
            return {
                summary: 'Entra did not recognise the device code it was asked to redeem.',
                explanation: [
                    'The code belongs to another tenant or client, or the request was altered on the way (a proxy).',
                ],
                fix: [
                    'Run `m365-mail-preflight consent` again; behind a proxy, check that it passes form bodies unchanged.',
                ],
            };
        case 'network':
        case 'unreadable':
            return {
                summary: f.description ?? 'The token endpoint could not be read.',
                explanation: ['No setup step is known to be at fault.'],
                fix: [
                    'Check the network path to the authority host (HTTPS_PROXY, NO_PROXY) and run again.',
                ],
            };
    }
    return {
        summary: `Entra refused the device-code flow with an answer this tool does not know: ${f.error}${f.code ? ` (AADSTS${f.code})` : ''}.`,
        explanation: [`Microsoft's text, verbatim: ${f.description ?? '(none)'}`],
        fix: [
            f.code
                ? `Look the code up: https://login.microsoftonline.com/error?code=${f.code}`
                : 'Check the sign-in log for this application.',
        ],
    };
}

// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/types.ts
var http_types = __webpack_require__(5853);
// EXTERNAL MODULE: ./src/identity/jwt-claims.ts
var jwt_claims = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/identity/token-response.ts
var token_response = __webpack_require__(4031);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
;// CONCATENATED MODULE: ./src/identity/device-code.ts
// The OAuth 2.0 device authorization grant against Entra's v2.0 endpoints: ask for a device code,
// show Microsoft's message, and poll the token endpoint until the user has signed in or the flow
// ends. The polling rules are RFC 8628 section 3.5 (https://www.rfc-editor.org/rfc/rfc8628#section-3.5):
// `authorization_pending` keeps polling at `interval`, `slow_down` adds 5 seconds to the interval
// for this and every later request, anything else stops. Entra documents `authorization_pending`,
// `authorization_declined`, `bad_verification_code` and `expired_token` for this flow
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code#expected-errors).
//
// The clock and the sleeper are injected: tests drive every branch without waiting. The token is
// registered as a secret the moment it is read and stays inside the outcome for the caller that
// needs it (setup's Graph calls); nothing here prints it.





const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 section 3.5: "the interval MUST be increased by 5 seconds". */
const SLOW_DOWN_STEP_SECONDS = 5;
/** RFC 8628 section 3.2: the default when the server sends no interval. */
const DEFAULT_INTERVAL_SECONDS = 5;
const deviceCodeSchema = schemas/* object */.Ikc({
    device_code: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    user_code: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    verification_uri: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    expires_in: schemas/* union */.KCZ([
        schemas/* number */.aig(),
        schemas/* pipe */.FsL(schemas/* string */.YjP().check(api/* _regex */.Fk(/^\d+$/)), schemas/* transform */.pdi(Number)),
    ]),
    interval: schemas/* optional */.lqM(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* pipe */.FsL(schemas/* string */.YjP().check(api/* _regex */.Fk(/^\d+$/)), schemas/* transform */.pdi(Number))])),
    message: schemas/* optional */.lqM(schemas/* string */.YjP()),
});
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
async function startDeviceCode(http, target, scopes) {
    const url = `${target.authority}/${encodeURIComponent(target.tenant)}/oauth2/v2.0/devicecode`;
    const body = new URLSearchParams({ client_id: target.clientId, scope: scopes.join(' ') });
    const answer = await post(http, url, body, 'device-code endpoint');
    if ('failure' in answer)
        return { ok: false, failure: answer.failure };
    const parsed = deviceCodeSchema.safeParse(answer.json);
    if (answer.status === 200 && parsed.success) {
        const d = parsed.data;
        return {
            ok: true,
            grant: {
                deviceCode: d.device_code,
                userCode: d.user_code,
                verificationUri: d.verification_uri,
                expiresInSeconds: d.expires_in,
                intervalSeconds: d.interval && d.interval > 0 ? d.interval : DEFAULT_INTERVAL_SECONDS,
                message: d.message ??
                    `To sign in, use a web browser to open the page ${d.verification_uri} and enter the code ${d.user_code} to authenticate.`,
            },
        };
    }
    return { ok: false, failure: failureOf(answer.status, answer.json) };
}
async function pollDeviceCode(http, target, grant, tools) {
    tools.registerSecret(grant.deviceCode);
    const url = `${target.authority}/${encodeURIComponent(target.tenant)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
        grant_type: DEVICE_CODE_GRANT,
        client_id: target.clientId,
        device_code: grant.deviceCode,
    });
    const started = tools.now();
    let interval = grant.intervalSeconds;
    for (let polls = 1;; polls++) {
        await tools.sleep(interval * 1000);
        const answer = await post(http, url, body, 'token endpoint (device code)');
        if ('failure' in answer)
            return { ok: false, failure: answer.failure, polls };
        if (answer.status === 200) {
            const parsed = (0,token_response/* readTokenSuccess */.Vi)(answer.json);
            if (!parsed.ok)
                return {
                    ok: false,
                    polls,
                    failure: {
                        error: 'unreadable',
                        status: 200,
                        description: 'a 200 answer without a token',
                    },
                };
            const t = parsed.value;
            tools.registerSecret(t.access_token);
            if (t.refresh_token)
                tools.registerSecret(t.refresh_token);
            const claims = (0,jwt_claims/* decodeClaims */.Yq)(t.access_token);
            const rawAmr = claims?.amr;
            const amr = Array.isArray(rawAmr)
                ? rawAmr.filter((a) => typeof a === 'string')
                : [];
            return {
                ok: true,
                polls,
                token: {
                    accessToken: t.access_token,
                    scopes: (t.scope ?? '').split(/\s+/).filter(Boolean),
                    amr,
                    user: claims?.upn ?? claims?.preferred_username,
                },
            };
        }
        const failure = failureOf(answer.status, answer.json);
        if (failure.error === 'authorization_pending' || failure.error === 'slow_down') {
            if (failure.error === 'slow_down')
                interval += SLOW_DOWN_STEP_SECONDS;
            // Entra's expired_token is the authority; this guard only stops a server that never says it.
            if (tools.now() - started > (grant.expiresInSeconds + interval) * 1000)
                return {
                    ok: false,
                    polls,
                    failure: {
                        error: 'local-expiry',
                        description: `no answer but pending within the code's ${grant.expiresInSeconds} s`,
                    },
                };
            tools.onPending?.({ error: failure.error, intervalSeconds: interval });
            continue;
        }
        return { ok: false, failure, polls };
    }
}
async function post(http, url, body, endpointName) {
    try {
        const res = await http.request({
            method: 'POST',
            url,
            headers: FORM,
            body: body.toString(),
            endpointName,
            // Only answers that prove the request was not processed are retried (429, 503, no connection).
            retry: 'unprocessed',
        });
        const json = (0,http_types/* parseJson */.q)(res.text);
        if (json === undefined)
            return {
                failure: {
                    error: 'unreadable',
                    status: res.status,
                    description: `${endpointName} answered HTTP ${res.status} with ${res.contentType || 'no content type'}, not JSON`,
                },
            };
        return { status: res.status, json };
    }
    catch (error) {
        if (!(error instanceof errors.HttpError))
            throw error;
        return { failure: { error: 'network', description: error.message } };
    }
}
function failureOf(status, json) {
    const parsed = (0,token_response/* readEntraError */.Ds)(json);
    if (!parsed.ok)
        return { error: 'unreadable', status, description: `HTTP ${status} without an OAuth error` };
    return { error: parsed.value.error, status, ...codeAndText(parsed.value) };
}
function codeAndText(e) {
    // Server text reaches a terminal: first line only, no control characters, bounded.
    const first = e.error_description
        ?.split(/\r?\n/)[0]
        // eslint-disable-next-line no-control-regex
        ?.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .trim()
        .slice(0, 300);
    const fromText = /AADSTS(\d+)/.exec(first ?? '')?.[1];
    const code = e.error_codes?.[0] ?? (fromText ? Number(fromText) : undefined);
    return { ...(code !== undefined ? { code } : {}), ...(first ? { description: first } : {}) };
}

// EXTERNAL MODULE: ./src/settings/default-scopes.ts
var default_scopes = __webpack_require__(7092);
// EXTERNAL MODULE: ./src/settings/clouds.ts
var clouds = __webpack_require__(855);
// EXTERNAL MODULE: ./src/settings/validators.ts
var validators = __webpack_require__(6566);
;// CONCATENATED MODULE: ./src/cli/assistant-args.ts
// Flags of `consent` and `setup`. They share the preflight's names where the meaning is the same
// (--tenant-id, --grant, --activities ...) and add the assistant's own. No secret is ever a flag:
// the assistant needs none (the administrator signs in with a device code or the Azure CLI).


const VALUE_FLAGS = [
    'tenant-id',
    'client-id',
    'grant',
    'activities',
    'read-protocol',
    'permissions-profile',
    'extra-permissions',
    'client-auth',
    'username',
    'repository',
    'environment',
    'branch',
    'federated-audience',
    'federated-subject',
    'scope',
    'cloud',
    'endpoints',
    'timeout-seconds',
    'admin-sign-in',
];
const REPEATABLE = ['activities', 'extra-permissions', 'endpoints'];
const SWITCHES = {
    apply: 'setup',
    yes: 'setup',
    json: 'both',
    admin: 'consent',
    help: 'both',
};
const SECRET_FLAGS = ['client-secret', 'password', 'client-certificate', 'github-token'];
const AUDIENCES = {
    public: 'api://AzureADTokenExchange',
    usgov: 'api://AzureADTokenExchangeUSGov',
    'usgov-dod': 'api://AzureADTokenExchangeUSGov',
    china: 'api://AzureADTokenExchangeChina',
};
function parseAssistantArgs(command, argv) {
    const values = new Map();
    const switches = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h') {
            switches.add('help');
            continue;
        }
        if (!arg.startsWith('--'))
            return {
                ok: false,
                message: `unexpected argument '${arg.slice(0, 40)}'; options start with --`,
            };
        const eq = arg.indexOf('=');
        const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
        if (SECRET_FLAGS.includes(name))
            return {
                ok: false,
                message: `--${name} is refused: ${command} needs no secret, and secrets are never taken from the command line.`,
            };
        if (name in SWITCHES) {
            const only = SWITCHES[name];
            if (only !== 'both' && only !== command)
                return { ok: false, message: `--${name} belongs to '${only}', not '${command}'` };
            switches.add(name);
            continue;
        }
        if (!VALUE_FLAGS.includes(name))
            return { ok: false, message: `unknown option '--${name}'` };
        const flag = name;
        let value;
        if (eq > 0)
            value = arg.slice(eq + 1);
        else {
            value = argv[++i];
            if (value === undefined || value.startsWith('--'))
                return { ok: false, message: `--${flag} needs a value` };
        }
        if (values.has(flag) && !REPEATABLE.includes(flag))
            return { ok: false, message: `--${flag} was given more than once` };
        values.set(flag, [...(values.get(flag) ?? []), value]);
    }
    const get = (flag) => (values.get(flag) ?? []).join('\n').trim();
    const help = switches.has('help');
    const problems = [];
    const oneOf = (flag, allowed, fallback) => {
        const v = get(flag) || fallback;
        if (allowed.includes(v))
            return v;
        problems.push(`--${flag} '${v}' is not one of: ${allowed.join(', ')}`);
        return fallback;
    };
    const tenantId = get('tenant-id');
    if (!tenantId && !help)
        problems.push('--tenant-id is required (Directory (tenant) ID or a verified domain)');
    else if (tenantId) {
        const why = (0,validators/* tenantIdProblem */.T0)(tenantId);
        if (why)
            problems.push(`--tenant-id: ${why}`);
    }
    const clientId = get('client-id');
    if (!clientId && !help)
        problems.push('--client-id is required (the Application (client) ID of the registration)');
    else if (clientId && !(0,validators/* isGuid */.W_)(clientId))
        problems.push(`--client-id '${clientId}' is not a GUID`);
    // The assistant has no password, so `auto` cannot look at one: it means app-only here.
    const grantIn = oneOf('grant', ['auto', 'password', 'client-credentials'], 'auto');
    const grant = grantIn === 'auto' ? 'client-credentials' : grantIn;
    const activityList = (0,validators/* splitList */.ry)(get('activities') || 'read, send');
    const activities = [...new Set(activityList)].filter((a) => a === 'read' || a === 'send');
    if (activities.length !== activityList.length || !activities.length)
        problems.push(`--activities '${activityList.join(', ')}' must list read and/or send`);
    const cloud = oneOf('cloud', ['public', 'usgov', 'usgov-dod', 'china'], 'public');
    let authority = clouds/* CLOUD_ENDPOINTS */.D[cloud].authority;
    let graph = clouds/* CLOUD_ENDPOINTS */.D[cloud].graph;
    for (const line of (0,validators/* splitLines */.uz)(get('endpoints'))) {
        const [key, ...rest] = line.split('=');
        const parsed = (0,validators/* parseBaseUrl */.Q2)(rest.join('=').trim());
        if (key?.trim() !== 'authority' && key?.trim() !== 'graph')
            problems.push(`--endpoints '${line}': ${command} uses authority= and graph= only`);
        else if (!parsed.origin)
            problems.push(`--endpoints ${key.trim()}: ${parsed.problem}`);
        else if (key.trim() === 'authority')
            authority = parsed.origin;
        else
            graph = parsed.origin;
    }
    const extraPermissions = [];
    for (const line of (0,validators/* splitLines */.uz)(get('extra-permissions'))) {
        const m = /^(graph|exchange):\s*([A-Za-z][\w.]*)\s*\((delegated|application)\)$/i.exec(line);
        if (!m)
            problems.push(`--extra-permissions '${line}' is not resource:Permission (type)`);
        else
            extraPermissions.push({
                resource: m[1].toLowerCase(),
                name: m[2],
                type: m[3].toLowerCase(),
            });
    }
    const timeout = get('timeout-seconds') || '900';
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 3600)
        problems.push(`--timeout-seconds '${timeout}' must be a whole number from 1 to 3600`);
    const repository = get('repository');
    if (repository && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        problems.push(`--repository '${repository}' must be OWNER/REPO`);
    const environment = get('environment');
    const branch = get('branch');
    if (environment && branch)
        problems.push('give --environment or --branch, not both');
    const username = get('username');
    if (username && !username.includes('@'))
        problems.push(`--username '${username}' is not a user principal name`);
    const args = {
        command,
        tenantId,
        clientId,
        grant,
        activities,
        readProtocol: oneOf('read-protocol', ['imap', 'pop'], 'imap'),
        permissionsProfile: oneOf('permissions-profile', ['flow', 'email-connector'], 'flow'),
        extraPermissions,
        clientAuth: oneOf('client-auth', ['secret', 'certificate', 'federated'], 'secret'),
        mailbox: username,
        repository,
        environment,
        branch: branch || (repository && !environment ? 'main' : ''),
        audience: get('federated-audience') || AUDIENCES[cloud],
        subject: get('federated-subject'),
        scope: get('scope').split(/\s+/).filter(Boolean),
        cloud,
        authority,
        graph,
        timeoutMs: Number(timeout) * 1000,
        adminSignIn: oneOf('admin-sign-in', ['device-code', 'azure-cli'], 'device-code'),
        apply: switches.has('apply'),
        yes: switches.has('yes'),
        json: switches.has('json'),
        admin: switches.has('admin'),
        help,
    };
    if (problems.length && !help)
        return { ok: false, message: problems.join('\n') };
    return { ok: true, args };
}
function assistantHelp(command) {
    if (command === 'consent')
        return `m365-mail-preflight consent: the device-code verification step. Signs in with the device-code
flow as the app (public client), reports the scopes Entra granted and how the user signed in (amr),
and explains AADSTS7000218, 90094, 53003 and 65001. No token is stored or printed.

Usage: m365-mail-preflight consent --tenant-id ID --client-id ID [options]
  --grant MODE              password | client-credentials (default: app-only); picks the scopes
  --activities LIST         read, send (default read, send)
  --read-protocol PROTO     imap | pop (default imap)
  --scope SCOPES            ask for these scopes instead (space separated)
  --admin                   print the admin-consent URL and Microsoft's warning; no sign-in
  --cloud CLOUD, --endpoints authority=URL
  --json                    print the outcome as JSON
Exit status: 0 signed in (or --admin), 1 the sign-in failed, 64 unusable arguments.
`;
    return `m365-mail-preflight setup: reads the tenant as an administrator and shows every setup step for the
chosen grant, activities, read protocol and client authentication as done (✓), missing (✗) or cannot
tell (?), with the portal path, the Graph request, the az line and the Microsoft Graph PowerShell line
for each missing step, and Exchange Online PowerShell for the Exchange steps.
With --apply it makes the plan's Entra writes through Microsoft Graph after asking (--yes: without).

Usage: m365-mail-preflight setup --tenant-id ID --client-id ID [options]
  --grant MODE              password | client-credentials (default client-credentials)
  --activities LIST         read, send (default read, send)
  --read-protocol PROTO     imap | pop (default imap)
  --client-auth MODE        secret | certificate | federated (default secret)
  --username UPN            the mailbox, filled into the Exchange commands
  --repository OWNER/REPO   with --client-auth federated: the GitHub repository
  --environment NAME        ... and the environment its job runs in, or
  --branch NAME             ... the branch (default main)
  --federated-subject SUB   the subject exactly as GitHub sends it, when the repository customises
                            it or uses ID-based subjects (repo:OWNER@ID/REPO@ID:...)
  --permissions-profile NAME, --extra-permissions PERM, --cloud CLOUD, --endpoints KEY=URL
  --admin-sign-in HOW       device-code (Microsoft Graph Command Line Tools) | azure-cli (uses
                            az account get-access-token --resource <Graph>)
  --apply                   make the missing Entra steps' Graph writes, after confirmation
  --yes                     do not ask (scripts)
  --json                    the plan (and what was applied) as JSON
Exit status: 0 nothing missing (after --apply: everything applied), 1 steps missing or a write
refused or the sign-in failed, 64 unusable arguments.
`;
}

;// CONCATENATED MODULE: ./src/cli/assistant.ts
// `m365-mail-preflight consent` and `m365-mail-preflight setup`: loaded only when one of them is
// asked for (main.ts imports this module dynamically), so the preflight's start-up is unchanged.
// Everything printed goes through a redactor that knows the device code and every token; no token
// is stored or printed.


















/** Microsoft Graph Command Line Tools, the public client Microsoft Graph PowerShell signs in with. */
const GRAPH_CLI_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
const EXIT = { ok: 0, failed: 1, usage: 64 };
async function runAssistant(command, argv, io) {
    const redactor = new engine_redactor.Redactor();
    // Graph's display names and Entra's messages reach the terminal only through the sanitising
    // boundary (the assistant prints no colours, so every control character can go).
    const show = (text) => redactor.redact((0,sanitise.cleanText)(text, Number.MAX_SAFE_INTEGER));
    const out = (text) => io.stdout.write(show(text));
    const err = (text) => io.stderr.write(show(text));
    const parsed = parseAssistantArgs(command, argv);
    if (!parsed.ok) {
        err(`m365-mail-preflight ${command}: ${parsed.message}\nRun with --help for the options.\n`);
        return EXIT.usage;
    }
    const args = parsed.args;
    if (args.help) {
        out(assistantHelp(command));
        return EXIT.ok;
    }
    const hooks = io.assistant ?? {};
    const deadline = new http_deadline/* Deadline */.B(args.timeoutMs);
    const http = (0,http_client/* createHttpClient */.u)({
        deadline,
        transport: (0,transport/* createTransport */.o)(),
        ...(io.retryPolicy ? { policy: io.retryPolicy } : {}),
    });
    const ctx = {
        args,
        http,
        deadline,
        out,
        err,
        redactor,
        stdin: io.stdin,
        stderr: io.stderr,
        sleep: hooks.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        now: hooks.now ?? Date.now,
        az: hooks.az ?? runAz,
    };
    try {
        return command === 'consent' ? await consent(ctx) : await setup(ctx);
    }
    finally {
        deadline.dispose();
    }
}
// ---- consent ---------------------------------------------------------------------------------
async function consent(ctx) {
    const { args } = ctx;
    const url = adminConsentUrl(clouds/* CLOUD_ENDPOINTS */.D[args.cloud].authority, args.tenantId, args.clientId);
    if (args.admin) {
        if (args.json)
            ctx.out(`${JSON.stringify({ adminConsentUrl: url, warning: ADMIN_CONSENT_WARNING }, null, 2)}\n`);
        else
            ctx.out(`Admin-consent URL (open it in a browser as an administrator):\n  ${url}\n\n${ADMIN_CONSENT_WARNING}\n`);
        return EXIT.ok;
    }
    // The delegated mail scopes the chosen activities use, as the connector's manual verifies them.
    const scopes = args.scope.length
        ? args.scope
        : (0,default_scopes/* defaultMailScopes */.i)('password', args.activities, args.readProtocol, clouds/* CLOUD_ENDPOINTS */.D[args.cloud]);
    const target = {
        authority: args.authority,
        tenant: args.tenantId,
        clientId: args.clientId,
    };
    const signIn = await deviceCodeSignIn(ctx, target, scopes);
    const base = {
        tenantId: args.tenantId,
        clientId: args.clientId,
        scopesRequested: scopes,
        polls: signIn.polls,
    };
    if (signIn.ok) {
        const t = signIn.token;
        if (args.json)
            ctx.out(`${JSON.stringify({ result: 'granted', ...base, user: t.user ?? null, scopesGranted: t.scopes, amr: t.amr }, null, 2)}\n`);
        else
            ctx.out(`✓ Signed in${t.user ? ` as ${t.user}` : ''} through the device-code flow.\n  Scopes granted: ${t.scopes.join(' ') || '(none reported)'}\n  Sign-in methods (amr): ${t.amr.join(', ') || '(not readable)'}\n  No token was stored or printed.\n`);
        return EXIT.ok;
    }
    const diagnosis = diagnoseDeviceCode(signIn.failure, {
        tenant: args.tenantId,
        clientId: args.clientId,
        adminConsentUrl: url,
    });
    if (args.json)
        ctx.out(`${JSON.stringify({ result: 'failed', ...base, failure: signIn.failure, diagnosis }, null, 2)}\n`);
    else
        ctx.out(`✗ ${diagnosis.summary}\n${diagnosis.explanation.map((e) => `  ${e}\n`).join('')}Fix:\n${diagnosis.fix.map((f) => `  ${f}\n`).join('')}`);
    return EXIT.failed;
}
async function deviceCodeSignIn(ctx, target, scopes) {
    const started = await startDeviceCode(ctx.http, target, scopes);
    if (!started.ok)
        return { ok: false, failure: started.failure, polls: 0 };
    const grant = started.grant;
    ctx.redactor.add(grant.deviceCode);
    // Microsoft's own message, on stderr so that --json output stays machine-readable.
    ctx.err(`${grant.message}\nWaiting for the sign-in (checking every ${grant.intervalSeconds} s; the code expires in ${Math.round(grant.expiresInSeconds / 60)} min)...\n`);
    return pollDeviceCode(ctx.http, target, grant, {
        sleep: ctx.sleep,
        now: ctx.now,
        registerSecret: (v) => ctx.redactor.add(v),
        onPending: ({ error, intervalSeconds }) => {
            if (error === 'slow_down')
                ctx.err(`Entra asked to slow down: checking every ${intervalSeconds} s now.\n`);
        },
    });
}
// ---- setup -----------------------------------------------------------------------------------
async function setup(ctx) {
    const { args } = ctx;
    const admin = await adminToken(ctx);
    if (!admin.ok) {
        ctx.err(`${admin.message}\n`);
        if (args.json)
            ctx.out(`${JSON.stringify({ result: 'sign-in-failed', message: admin.message }, null, 2)}\n`);
        return EXIT.failed;
    }
    const graph = new client.GraphClient({
        baseUrl: args.graph,
        http: ctx.http,
        deadline: ctx.deadline,
        log: { info: (m) => ctx.err(`${m}\n`) },
        token: () => Promise.resolve({ ok: true, accessToken: admin.token }),
    });
    const options = {
        tenantId: args.tenantId,
        clientId: args.clientId,
        grant: args.grant,
        activities: args.activities,
        readProtocol: args.readProtocol,
        permissionsProfile: args.permissionsProfile,
        extraPermissions: args.extraPermissions,
        clientAuth: args.clientAuth,
        mailbox: args.mailbox,
        federation: {
            repository: args.repository,
            environment: args.environment,
            branch: args.branch,
            audience: args.audience,
            subject: args.subject,
        },
        now: new Date(ctx.now()),
        graphUrl: `${clouds/* CLOUD_ENDPOINTS */.D[args.cloud].graph}/v1.0`,
    };
    const plan = buildPlan(await readTenant(graph, args.clientId), options);
    const writes = plannedWrites(plan);
    const missing = plan.steps.some((s) => s.status === 'missing');
    if (!args.json) {
        ctx.out(`Setup plan for app ${args.clientId} in tenant ${args.tenantId}\n(grant ${args.grant}; activities ${args.activities.join(', ')}; read protocol ${args.readProtocol}; client-auth ${args.clientAuth}${admin.user ? `; read as ${admin.user}` : ''})\n\n`);
        ctx.out(renderPlan(plan));
    }
    if (!args.apply) {
        if (args.json)
            ctx.out(`${JSON.stringify({ plan }, null, 2)}\n`);
        else if (writes.length)
            ctx.out(`\nRun again with --apply to make the ${writes.length} Graph write(s) listed above (after a confirmation).\n`);
        return missing ? EXIT.failed : EXIT.ok;
    }
    if (!writes.length) {
        if (args.json)
            ctx.out(`${JSON.stringify({ plan, applied: { results: [], notSent: [] } }, null, 2)}\n`);
        else
            ctx.out('\nNothing to apply: no Entra step that the assistant can do is missing. No write was made.\n');
        return missing ? EXIT.failed : EXIT.ok;
    }
    if (!args.json)
        ctx.out(`\nThese ${writes.length} write(s) will be made in tenant ${args.tenantId}, in this order:\n${renderWrites(plan)}`);
    if (!args.yes) {
        if (!ctx.stdin.isTTY) {
            ctx.err('Not a terminal, so no confirmation can be asked: pass --yes to apply without asking. Nothing was written.\n');
            if (args.json)
                ctx.out(`${JSON.stringify({ plan, applied: null }, null, 2)}\n`);
            return EXIT.failed;
        }
        const answer = await promptLine('Make these writes? Type yes to go on: ', ctx.stdin, ctx.stderr);
        if (!/^y(es)?$/i.test(answer.trim())) {
            ctx.err('Not confirmed. Nothing was written.\n');
            return EXIT.failed;
        }
    }
    const result = await applyWrites(graph, writes, admin.scopes);
    if (args.json)
        ctx.out(`${JSON.stringify({ plan, applied: result }, null, 2)}\n`);
    else
        ctx.out(`\n${renderApply(result)}`);
    if (result.refusal)
        return EXIT.failed;
    if (!args.json) {
        // The tenant as it is now: what is left (the Exchange steps, with the new object id filled in).
        const after = buildPlan(await readTenant(graph, args.clientId), options);
        const left = after.steps.filter((s) => s.status !== 'done');
        ctx.out(`\nWhat is left after the apply (the Exchange side cannot be done from here):\n${renderPlan({ ...after, steps: left }, { summary: false })}`);
    }
    return EXIT.ok;
}
async function adminToken(ctx) {
    const { args } = ctx;
    // Scopes name Graph's resource of the cloud, whatever address --endpoints sends requests to.
    const resource = clouds/* CLOUD_ENDPOINTS */.D[args.cloud].graph;
    if (args.adminSignIn === 'azure-cli') {
        let token;
        try {
            token = (await ctx.az([
                'account',
                'get-access-token',
                '--resource',
                resource,
                '--query',
                'accessToken',
                '--output',
                'tsv',
            ])).trim();
        }
        catch (error) {
            return {
                ok: false,
                message: `The Azure CLI gave no Graph token (is it installed and signed in with az login?): ${ctx.redactor.redact(error instanceof Error ? error.message : String(error)).slice(0, 300)}`,
            };
        }
        if (!token)
            return {
                ok: false,
                message: 'The Azure CLI printed no token: run az login as an administrator first.',
            };
        ctx.redactor.add(token);
        const claims = (0,jwt_claims/* decodeClaims */.Yq)(token);
        return {
            ok: true,
            token,
            scopes: (claims?.scp ?? '').split(/\s+/).filter(Boolean),
            ...(claims?.upn ? { user: claims.upn } : {}),
        };
    }
    const scopes = (args.apply ? ADMIN_SCOPES.apply : ADMIN_SCOPES.plan).map((s) => `${resource}/${s}`);
    ctx.err(`Sign in as an administrator (Microsoft Graph Command Line Tools asks for: ${scopes.map((s) => s.slice(resource.length + 1)).join(', ')}).\n`);
    const signIn = await deviceCodeSignIn(ctx, { authority: args.authority, tenant: args.tenantId, clientId: GRAPH_CLI_CLIENT_ID }, scopes);
    if (!signIn.ok) {
        const d = diagnoseDeviceCode(signIn.failure, {
            tenant: args.tenantId,
            clientId: GRAPH_CLI_CLIENT_ID,
            adminConsentUrl: adminConsentUrl(clouds/* CLOUD_ENDPOINTS */.D[args.cloud].authority, args.tenantId, GRAPH_CLI_CLIENT_ID),
        });
        return {
            ok: false,
            message: `The administrator's sign-in failed: ${d.summary}\n${d.fix.join('\n')}\nOr sign in with the Azure CLI: --admin-sign-in azure-cli`,
        };
    }
    return {
        ok: true,
        token: signIn.token.accessToken,
        scopes: signIn.token.scopes,
        ...(signIn.token.user ? { user: signIn.token.user } : {}),
    };
}
function runAz(azArgs) {
    return new Promise((resolve, reject) => (0,external_node_child_process_.execFile)('az', azArgs, { timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout) => error ? reject(new Error(error.message)) : resolve(stdout)));
}
/** One line from the terminal, echoed (it is not a secret). */
function promptLine(question, input, output) {
    return new Promise((resolve) => {
        let value = '';
        output.write(question);
        input.setRawMode?.(true);
        input.setEncoding('utf8');
        const onData = (chunk) => {
            for (const char of chunk) {
                if (char === '\r' || char === '\n' || char === '\u0004' || char === '\u0003') {
                    input.removeListener('data', onData);
                    input.setRawMode?.(false);
                    input.pause();
                    output.write('\n');
                    return resolve(char === '\u0003' ? '' : value);
                }
                if (char === '\u007f' || char === '\b')
                    value = value.slice(0, -1);
                else {
                    value += char;
                    output.write(char);
                }
            }
        };
        input.on('data', onData);
        input.resume();
    });
}


/***/ }),

/***/ 2561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GraphClient: () => (/* binding */ GraphClient),
/* harmony export */   graphFailure: () => (/* binding */ graphFailure)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3305);
/* harmony import */ var _http_deadline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2378);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/* harmony import */ var _http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7593);
/* harmony import */ var _http_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5853);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2205);
// The Microsoft Graph client: the one place that knows Graph's protocol. It owns the bearer
// token (asked for on first use), JSON $batch with per-item throttling, paging through
// `@odata.nextLink`, single reads, and one error type (GraphReadFailure): an unreachable Graph, a
// refusal and an unexpected answer all come back as a failure value, never as an exception.
// A new Graph read is a request in a batch (see graph/registration.ts) or a call of get()/pages().
// $batch: https://learn.microsoft.com/graph/json-batching
// Paging: https://learn.microsoft.com/graph/paging
// Throttling: https://learn.microsoft.com/graph/throttling






const MAX_BATCH_REQUESTS = 20;
const MAX_ROUNDS = 4;
const batchResponseSchema = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    responses: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        id: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        status: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._gte */ .qm(100), zod_mini__WEBPACK_IMPORTED_MODULE_4__/* ._lte */ .Zm(599)),
        headers: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP())),
        body: zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()),
    })),
});
class GraphClient {
    options;
    auth;
    constructor(options) {
        this.options = options;
    }
    /** The bearer token, or why Graph cannot be read. */
    token() {
        this.auth ??= this.options.token();
        return this.auth;
    }
    /**
     * Up to 20 GET requests in one round trip, answered in any order, each with its own status.
     * Items throttled on their own (429 with Retry-After) are sent again, alone, once the wait they
     * were given has passed, while the run's deadline allows it; every other item keeps its answer.
     */
    async batch(requests) {
        if (requests.length > MAX_BATCH_REQUESTS)
            throw new Error(`a Graph $batch holds at most ${MAX_BATCH_REQUESTS} requests`);
        const answers = new Map();
        const auth = await this.token();
        if (!auth.ok) {
            for (const r of requests)
                answers.set(r.id, auth);
            return answers;
        }
        let pending = [...requests];
        for (let round = 1; pending.length && round <= MAX_ROUNDS; round++) {
            const { answered, throttled } = await this.batchRound(auth.accessToken, pending);
            for (const [id, answer] of answered)
                answers.set(id, answer);
            pending = pending.filter((r) => throttled.has(r.id));
            if (!pending.length)
                break;
            const waitMs = Math.max(...pending.map((r) => throttled.get(r.id)));
            // Retry only when the wait leaves time for the answer; otherwise keep the 429 as the answer.
            if (round === MAX_ROUNDS || waitMs + 1000 > this.options.deadline.remainingMs()) {
                for (const r of pending)
                    answers.set(r.id, {
                        ok: false,
                        failure: {
                            status: 429,
                            code: 'TooManyRequests',
                            message: `Microsoft Graph throttled ${r.url.split('?')[0]} (429) and the run's deadline left no time to wait ${Math.ceil(waitMs / 1000)} s`,
                        },
                    });
                break;
            }
            this.options.log.info(`Microsoft Graph $batch: ${pending.length} item(s) throttled (429), retrying them in ${waitMs} ms`);
            await (0,_http_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .y)(waitMs, this.options.deadline.signal);
        }
        return answers;
    }
    /**
     * A collection page by page, from its first URL (relative to the version segment) or from a
     * first page already read (a $batch item). Follows the whole `@odata.nextLink` until it is gone
     * (never parsing out $skiptoken; a page may be empty), and only while it stays on the configured
     * Graph host: the bearer token goes with it. Each page is handed over before the next is read,
     * so memory stays flat however long the collection is. A failure is the last thing yielded.
     */
    async *pages(start, what, maxPages = Infinity) {
        const auth = await this.token();
        if (!auth.ok) {
            yield auth;
            return;
        }
        let body;
        let contentType;
        if ('url' in start) {
            const res = await this.send(auth.accessToken, `${this.versioned(start.url)}`, what);
            if (!res.ok) {
                yield res;
                return;
            }
            ({ body, contentType } = res);
        }
        else
            body = start.firstPage;
        // A nextLink seen before would page in a circle until the deadline: refused at once.
        const seen = new Set();
        for (let n = 1;; n++) {
            let page = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .collectionSchema */ .CV.safeParse(body);
            // Nothing of a page is held while the next is fetched: it can die young, and a long
            // listing's memory stays flat (a page of 999 applications parses to several MB).
            // eslint-disable-next-line no-useless-assignment -- drops the reference; see above
            body = undefined;
            if (!page.success) {
                yield {
                    ok: false,
                    failure: {
                        status: 200,
                        message: `Microsoft Graph answered ${what} with an unexpected shape${contentType === undefined ? '' : ` (${contentType || 'no content type'})`}`,
                    },
                };
                return;
            }
            const next = page.data['@odata.nextLink'];
            yield { ok: true, items: page.data.value };
            // eslint-disable-next-line no-useless-assignment -- drops the reference; see above
            page = undefined;
            if (!next)
                return;
            if (n >= maxPages) {
                yield {
                    ok: false,
                    failure: { message: `Microsoft Graph kept paging ${what} past ${maxPages} pages` },
                };
                return;
            }
            if (seen.has(next)) {
                yield {
                    ok: false,
                    failure: {
                        message: `Microsoft Graph's next page link of ${what} repeats an earlier page (after ${n} pages); not followed, rather than page in a circle`,
                    },
                };
                return;
            }
            seen.add(next);
            if (!sameOrigin(next, this.options.baseUrl)) {
                yield {
                    ok: false,
                    failure: {
                        message: `Microsoft Graph's next page of ${what} points to another host (${originOf(next)}); not followed, so the token was not sent there`,
                    },
                };
                return;
            }
            const res = await this.send(auth.accessToken, next, `${what}, next page`);
            if (!res.ok) {
                yield res;
                return;
            }
            ({ body, contentType } = res);
        }
    }
    /** Every item of a collection, or the failure that stopped the listing. */
    async all(start, what, maxPages) {
        const items = [];
        for await (const page of this.pages(start, what, maxPages)) {
            if (!page.ok)
                return page;
            // One by one: a spread passes every item as an argument, and V8 caps arguments.
            for (const item of page.items)
                items.push(item);
        }
        return { ok: true, value: items };
    }
    /** One GET (relative to the version segment): the body, or why there is none. */
    async get(url, what) {
        const auth = await this.token();
        if (!auth.ok)
            return auth;
        const res = await this.send(auth.accessToken, this.versioned(url), what);
        return res.ok ? { ok: true, value: res.body } : res;
    }
    /**
     * One write: POST or PATCH with a JSON body (URL relative to the version segment). Retried only
     * on answers that prove Graph did not act (429, 503, no connection), so a POST is never made
     * twice. A refusal is a failure with Graph's status and code, never an exception.
     */
    async write(method, url, body, what) {
        const auth = await this.token();
        if (!auth.ok)
            return auth;
        const res = await this.request({
            method,
            url: this.versioned(url),
            headers: {
                authorization: `Bearer ${auth.accessToken}`,
                'content-type': 'application/json',
                accept: 'application/json',
            },
            body: JSON.stringify(body),
            endpointName: `Microsoft Graph (${what})`,
            retry: 'unprocessed',
        });
        if (!res.ok)
            return res;
        const { status, text, contentType } = res.response;
        const parsed = text ? (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(text) : undefined;
        if (status >= 200 && status < 300)
            return { ok: true, status, body: parsed };
        return { ok: false, failure: graphFailure(status, parsed, contentType) };
    }
    versioned(url) {
        return `${this.options.baseUrl}/v1.0${url}`;
    }
    /** A GET whose answer is 200 with its parsed body, or a failure; never throws HttpError. */
    async send(accessToken, url, what) {
        const res = await this.request({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
            endpointName: `Microsoft Graph (${what})`,
        });
        if (!res.ok)
            return res;
        const body = (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(res.response.text);
        if (res.response.status !== 200)
            return {
                ok: false,
                failure: graphFailure(res.response.status, body, res.response.contentType),
            };
        return { ok: true, body, contentType: res.response.contentType };
    }
    /** The one conversion of the HTTP layer's errors into Graph failures. */
    async request(req) {
        try {
            return { ok: true, response: await this.options.http.request(req) };
        }
        catch (error) {
            if (error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError)
                return { ok: false, failure: { message: error.message } };
            throw error;
        }
    }
    async batchRound(accessToken, requests) {
        const answered = new Map();
        const throttled = new Map();
        const failAll = (failure) => {
            for (const r of requests)
                answered.set(r.id, { ok: false, failure });
            return { answered, throttled };
        };
        const res = await this.request({
            method: 'POST',
            url: `${this.options.baseUrl}/v1.0/$batch`,
            headers: {
                authorization: `Bearer ${accessToken}`,
                'content-type': 'application/json',
                accept: 'application/json',
            },
            body: JSON.stringify({
                requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url })),
            }),
            endpointName: 'Microsoft Graph $batch',
        });
        if (!res.ok)
            return failAll(res.failure);
        const { response } = res;
        const body = (0,_http_types_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJson */ .q)(response.text);
        if (response.status !== 200)
            return failAll(graphFailure(response.status, body, response.contentType));
        const parsed = batchResponseSchema.safeParse(body);
        if (!parsed.success)
            return failAll({
                status: response.status,
                message: `Microsoft Graph answered the $batch with an unexpected shape (${response.contentType || 'no content type'})`,
            });
        const wanted = new Set(requests.map((r) => r.id));
        for (const item of parsed.data.responses) {
            if (!wanted.has(item.id))
                continue;
            const headers = lowerKeys(item.headers ?? {});
            if (item.status === 429 || (item.status === 503 && headers['retry-after'])) {
                throttled.set(item.id, (0,_http_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(headers['retry-after']) ?? 1000);
                continue;
            }
            answered.set(item.id, item.status >= 200 && item.status < 300
                ? { ok: true, status: item.status, body: item.body }
                : { ok: false, failure: graphFailure(item.status, item.body) });
        }
        for (const r of requests)
            if (!answered.has(r.id) && !throttled.has(r.id))
                answered.set(r.id, {
                    ok: false,
                    failure: { message: `Microsoft Graph's $batch answer left out the request '${r.id}'` },
                });
        return { answered, throttled };
    }
}
/**
 * A Graph error body turned into a failure, to branch on by `code` (never by `message`).
 * `contentType` is that of a whole HTTP answer; items of a $batch have none, and their status
 * alone is said. A $batch item may carry a 403 whose `code` is empty: its status is then all there
 * is. Graph's own message is kept, one line and short, to be quoted (server text, never trusted).
 */
function graphFailure(status, body, contentType) {
    const err = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .graphErrorSchema */ .iO.safeParse(body);
    const what = err.success
        ? err.data.error.code
            ? ` ${err.data.error.code}`
            : ''
        : contentType === undefined
            ? ''
            : ` (${contentType || 'no content type'})`;
    const said = err.success ? oneLine(err.data.error.message ?? '') : '';
    return {
        status,
        code: err.success && err.data.error.code ? err.data.error.code : undefined,
        message: `Microsoft Graph answered HTTP ${status}${what}`,
        ...(said ? { graphMessage: said } : {}),
    };
}
/** Server text for a report line: one line, at most 200 characters. */
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
/** True when `url` is an absolute URL with the same scheme, host and port as `base`. */
function sameOrigin(url, base) {
    try {
        return new URL(url).origin === new URL(base).origin;
    }
    catch {
        return false;
    }
}
/** The link's origin for a message; a link that is not a URL is named as such. */
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return 'not a URL';
    }
}
const lowerKeys = (headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));


/***/ }),

/***/ 2205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ collectionSchema),
/* harmony export */   Kv: () => (/* binding */ applicationSchema),
/* harmony export */   Pj: () => (/* binding */ federatedCredentialSchema),
/* harmony export */   eb: () => (/* binding */ appRoleAssignmentSchema),
/* harmony export */   iO: () => (/* binding */ graphErrorSchema),
/* harmony export */   jR: () => (/* binding */ servicePrincipalSchema),
/* harmony export */   n_: () => (/* binding */ permissionGrantSchema)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);
/* harmony import */ var _text_command_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6321);
// Shapes of the Microsoft Graph objects the checks read (https://learn.microsoft.com/graph/api/resources/application).


/**
 * An object, app role or grant id: GUIDs and base64url, nothing else. These ids go into request
 * paths and into the commands the fixes print, so an answer with any other id is not taken (the
 * commands check again: text/command-values.ts).
 */
const graphIdSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._regex */ .Fk(_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .GRAPH_ID */ .dA));
const passwordCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    keyId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    hint: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    startDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    endDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const keyCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    keyId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    /** base64; by default the SHA-1 thumbprint of the certificate. */
    customKeyIdentifier: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    /** The certificate (base64 DER), only on a single-object read that selects keyCredentials. */
    key: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    usage: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    startDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    endDateTime: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const requiredResourceAccessSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    resourceAppId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    resourceAccess: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
});
const applicationSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: graphIdSchema,
    appId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    signInAudience: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    isFallbackPublicClient: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    /** Redirect URIs per platform: Web (confidential) and Mobile and desktop (public client). */
    web: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ redirectUris: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []) }))),
    publicClient: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ redirectUris: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []) }))),
    requiredResourceAccess: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(requiredResourceAccessSchema), []),
    passwordCredentials: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(passwordCredentialSchema), []),
    keyCredentials: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(keyCredentialSchema), []),
});
/** A federated identity credential (Graph `federatedIdentityCredential`). */
const federatedCredentialSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    issuer: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    subject: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    audiences: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), []),
});
const graphErrorSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    error: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ code: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), message: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()) }),
});
const appRoleSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    allowedMemberTypes: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    isEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()),
});
const permissionScopeSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    type: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    isEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()),
});
/** A service principal: the app's own (object id for grants) or a resource's (its permissions). */
const servicePrincipalSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: graphIdSchema,
    appId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    displayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    accountEnabled: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    appRoleAssignmentRequired: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY())),
    appRoles: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(appRoleSchema), []),
    oauth2PermissionScopes: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rvf(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(permissionScopeSchema), []),
});
/** An application permission granted (admin consent) to the app's service principal. */
const appRoleAssignmentSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(graphIdSchema),
    appRoleId: graphIdSchema,
    /** The resource's service principal OBJECT id (tenant-specific), not its appId. */
    resourceId: graphIdSchema,
    resourceDisplayName: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    principalId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
/** Delegated permissions consented for the app (all users, or one user). */
const permissionGrantSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(graphIdSchema),
    /** The client's service principal OBJECT id. */
    clientId: graphIdSchema,
    consentType: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    principalId: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    resourceId: graphIdSchema,
    /** Space-separated scope values, often with a leading space. */
    scope: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
});
const collectionSchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    value: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    '@odata.nextLink': zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});


/***/ })

};
