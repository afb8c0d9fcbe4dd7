import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { previewRuleset } from '#shared/rules/wired';

/** POST /api/v1/enterprise-group/preview: a dry run of a ruleset; writes nothing */
export const handler = httpHandler(contract.PreviewRuleset, async ({ body, caller }) =>
  ok(await previewRuleset()(caller, body)),
);
