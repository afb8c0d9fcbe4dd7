import type { RouteContract } from '#shared/http/http-handler';
import { TenantPath } from '#functions/http/contract/shared-answers';
import {
  DeliveryListAnswer,
  RedeliveryAnswer,
  WebhookAnswer,
  WebhookListAnswer,
  WebhookWithSecretAnswer,
} from '#shared/webhooks/responses';
import {
  CreateWebhookBody,
  DeliveryPath,
  ListDeliveriesQuery,
  UpdateWebhookBody,
  WebhookPath,
} from '#shared/webhooks/schemas';

/** A tenant's webhook subscriptions and their deliveries: the routes' contracts (see functions/http/contract.ts). */
export const webhooksRoutes = {
  CreateWebhook: {
    summary: "Subscribe an endpoint to the tenant's change events (Standard Webhooks signatures)",
    params: TenantPath,
    body: CreateWebhookBody,
    success: {
      status: 201,
      description: 'the subscription with its signing secret, shown this once',
      body: WebhookWithSecretAnswer,
    },
  },
  ListWebhooks: {
    summary: "The tenant's webhook subscriptions",
    params: TenantPath,
    success: { status: 200, description: 'every subscription (one page)', body: WebhookListAnswer },
  },
  GetWebhook: {
    summary: 'A webhook subscription: `status` is `failing` after a delivery was dead-lettered',
    params: WebhookPath,
    success: { status: 200, description: 'the subscription (never its secret)', body: WebhookAnswer },
  },
  UpdateWebhook: {
    summary: "Change a subscription's url, event_types or enabled",
    params: WebhookPath,
    body: UpdateWebhookBody,
    success: { status: 200, description: 'the subscription as stored', body: WebhookAnswer },
  },
  DeleteWebhook: {
    summary: 'Delete a subscription; its queued deliveries are dropped',
    params: WebhookPath,
    success: { status: 204, description: 'deleted' },
  },
  RotateWebhookSecret: {
    summary: 'A new signing secret; the previous one keeps signing beside it for 24 hours',
    params: WebhookPath,
    success: {
      status: 200,
      description: 'the subscription with its new secret, shown this once, and when the previous one expires',
      body: WebhookWithSecretAnswer,
    },
  },
  ListWebhookDeliveries: {
    summary: "A subscription's delivery log, newest first",
    params: WebhookPath,
    query: ListDeliveriesQuery,
    success: { status: 200, description: 'a page of deliveries', body: DeliveryListAnswer },
  },
  RedeliverWebhookEvent: {
    summary: 'Deliver a logged event again (out of its stream order), with a new day of retries',
    params: DeliveryPath,
    success: { status: 202, description: 'the delivery, pending again', body: RedeliveryAnswer },
  },
} satisfies Record<string, RouteContract>;
