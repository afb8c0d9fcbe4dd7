import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { previewRuleset } from '#shared/rules/wired';

/** POST /api/v1/enterprise-group/preview: a dry run of a ruleset; writes nothing */
export const handler = httpHandler(groupsRoutes.PreviewRuleset, async ({ body, caller }) =>
  ok(await previewRuleset()(caller, body)),
);
