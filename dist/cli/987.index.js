export const id = 987;
export const ids = [987];
export const modules = {

/***/ 7987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readRegistration: () => (/* binding */ readRegistration)
/* harmony export */ });
/* unused harmony exports registrationBatch, MAX_PAGES */
/* harmony import */ var _settings_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2205);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8395);
// The registration as Microsoft Graph shows it, read once per run with an app-only Graph token
// from the same app, in ONE $batch: the application, its service principal, its granted
// application permissions (appRoleAssignments) and delegated grants (oauth2PermissionGrants), and
// the Graph and Exchange Online service principals (to resolve permission names to ids).
// A service principal may read its own application and service principal with no Graph
// permission; the other reads may be refused (403), and each part says so on its own.
// Shared by the permissions, secret-expiry and mailbox checks (memoised per run by the checks'
// context). A new read of the registration is a new request in registrationBatch() and a part here.



const APPLICATION_SELECT = 'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient,signInAudience,web,publicClient';
const SP_SELECT = 'id,appId,displayName,accountEnabled,appRoleAssignmentRequired';
const RESOURCE_SP_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';
/** The batch's requests. The app's own SP is addressed by appId so no request depends on another. */
function registrationBatch(clientId, federated = false) {
    const self = `/servicePrincipals(appId='${clientId}')`;
    return [
        // Federation: the app's federated credentials, in the same batch (no extra round trip).
        ...(federated
            ? [
                {
                    id: 'federatedCredentials',
                    url: `/applications(appId='${clientId}')/federatedIdentityCredentials`,
                },
            ]
            : []),
        { id: 'application', url: `/applications(appId='${clientId}')?$select=${APPLICATION_SELECT}` },
        { id: 'servicePrincipal', url: `${self}?$select=${SP_SELECT}` },
        { id: 'appRoleAssignments', url: `${self}/appRoleAssignments` },
        { id: 'permissionGrants', url: `${self}/oauth2PermissionGrants` },
        {
            id: 'graphResource',
            url: `/servicePrincipals(appId='${_settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCE_APP_IDS */ .w.graph}')?$select=${RESOURCE_SP_SELECT}`,
        },
        {
            id: 'exchangeResource',
            url: `/servicePrincipals(appId='${_settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCE_APP_IDS */ .w.exchange}')?$select=${RESOURCE_SP_SELECT}`,
        },
    ];
}
/** Registration lists are short; a listing that keeps paging is not one Graph should send. */
/** Pages of a paged read within the registration (README, Security). */
const MAX_PAGES = 50;
async function readRegistration(graph, clientId, federated = false) {
    const auth = await graph.token();
    if (!auth.ok)
        return { failure: auth.failure };
    const answers = await graph.batch(registrationBatch(clientId, federated));
    const answer = (id) => answers.get(id) ?? { ok: false, failure: { message: `no answer for ${id}` } };
    const listOf = async (id, schema, what) => {
        const a = answer(id);
        if (!a.ok)
            return a;
        const pages = await graph.all({ firstPage: a.body }, what, MAX_PAGES);
        if (!pages.ok)
            return pages;
        const items = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(schema).safeParse(pages.value);
        return items.success
            ? { ok: true, value: items.data }
            : unexpected(what);
    };
    const [appRoleAssignments, permissionGrants, federatedCredentials] = await Promise.all([
        listOf('appRoleAssignments', _types_js__WEBPACK_IMPORTED_MODULE_1__/* .appRoleAssignmentSchema */ .eb, 'appRoleAssignments'),
        listOf('permissionGrants', _types_js__WEBPACK_IMPORTED_MODULE_1__/* .permissionGrantSchema */ .n_, 'oauth2PermissionGrants'),
        federated
            ? listOf('federatedCredentials', _types_js__WEBPACK_IMPORTED_MODULE_1__/* .federatedCredentialSchema */ .Pj, 'federatedIdentityCredentials')
            : undefined,
    ]);
    const app = entity(answer('application'), _types_js__WEBPACK_IMPORTED_MODULE_1__/* .applicationSchema */ .Kv, 'the application');
    return {
        ...(app.ok ? { application: app.value } : { failure: app.failure }),
        servicePrincipal: entity(answer('servicePrincipal'), _types_js__WEBPACK_IMPORTED_MODULE_1__/* .servicePrincipalSchema */ .jR, 'the service principal'),
        appRoleAssignments,
        permissionGrants,
        ...(federatedCredentials ? { federatedCredentials } : {}),
        resources: {
            graph: entity(answer('graphResource'), _types_js__WEBPACK_IMPORTED_MODULE_1__/* .servicePrincipalSchema */ .jR, 'the Graph resource'),
            exchange: entity(answer('exchangeResource'), _types_js__WEBPACK_IMPORTED_MODULE_1__/* .servicePrincipalSchema */ .jR, 'the Exchange Online resource'),
        },
    };
}
function entity(answer, schema, what) {
    if (!answer.ok)
        return answer;
    const parsed = schema.safeParse(answer.body);
    return parsed.success ? { ok: true, value: parsed.data } : unexpected(what);
}
const unexpected = (what) => ({
    ok: false,
    failure: { status: 200, message: `Microsoft Graph answered ${what} with an unexpected shape` },
});


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
