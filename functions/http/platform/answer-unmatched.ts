import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { httpFunctions } from '#functions/catalog';
import { createRouteTable } from '#functions/http/route-table';
import { respond } from '#shared/http/responses';

const route = createRouteTable(httpFunctions);

/**
 * The `$default` route: API Gateway sends here whatever no route matched. A path that matches a route
 * once its trailing slash is dropped is redirected there (308 keeps the method and body); anything
 * else gets the same 404/405 bodies as the local router.
 */
export const handler = async (event: APIGatewayProxyEventV2) => {
  const { method } = event.requestContext.http;
  const match = route(method, event.rawPath);
  if (match.kind === 'found') {
    const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
    return respond(308, undefined, { location: `${event.rawPath.replace(/\/+$/, '')}${query}` });
  }
  if (match.kind === 'method_not_allowed') {
    return respond(
      405,
      { code: 'method_not_allowed', message: `${method} is not allowed here`, details: [] },
      { allow: match.allowed.join(', ') },
    );
  }
  return respond(404, { code: 'route_not_found', message: `No route for ${method} ${event.rawPath}`, details: [] });
};
