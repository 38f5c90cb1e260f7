import {
  type AuthConfiguration,
  CloudAdapter,
  createOutboundHostValidator,
  getAuthConfigWithDefaults,
} from "@microsoft/agents-hosting";

export interface TeamsAuthSettings {
  /** The Azure Bot's Microsoft App ID: the token audience and the client id for outbound calls. */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** Tests only: where the tokens' signing keys are served (`<authority>/discovery/v2.0/keys`). */
  authority?: string;
  /** Tests only: Bot Connector hosts besides Microsoft's, e.g. 127.0.0.1. */
  connectorHosts?: string[];
}

/**
 * The adapter with our settings only. Without an app id it accepts unsigned requests (local runs
 * against an emulator on localhost). With one, every request's token is checked, issuer included
 * (the SDK's default skips it), and the bot answers only Microsoft's Bot Connector hosts, the one
 * the token names: a valid token cannot point replies elsewhere.
 */
export function teamsAdapter(settings: TeamsAuthSettings): CloudAdapter {
  if (!settings.appId) return new CloudAdapter(getAuthConfigWithDefaults({}));
  const config: AuthConfiguration = getAuthConfigWithDefaults({
    clientId: settings.appId,
    ...(settings.appPassword ? { clientSecret: settings.appPassword } : {}),
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    ...(settings.authority ? { authorityEndpoint: settings.authority } : {}),
    validateIssuer: true,
  });
  const hosts = settings.connectorHosts ?? [];
  return new CloudAdapter(
    config,
    undefined,
    undefined,
    { validateServiceUrl: true },
    createOutboundHostValidator({ enabled: true, ...(hosts.length > 0 ? { hosts } : {}) }),
  );
}

/**
 * The SDK also reads its own variables (`clientId`, `tenantId`, `Connections__…`) and lets them
 * override ours; an operator is warned rather than surprised.
 */
export function foreignTeamsVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) =>
    /^(clientid|clientsecret|tenantid|connections__.*|microsoftapp(id|password|tenantid))$/i.test(name),
  );
}
