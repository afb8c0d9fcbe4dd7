import { App } from 'aws-cdk-lib';
import { buildConsole } from '#console/build';
import { readServiceConfig, warnIfPlaceholder } from '#infra/config';
import { defineLmsGroups } from '#infra/lms-groups-app';

// The console stack deploys console/dist: built here so that cdk synth and deploy work on a fresh clone.
await buildConsole();
const app = new App();
const config = readServiceConfig(app);
const { service } = defineLmsGroups(app, config);
warnIfPlaceholder(service, config);
app.synth();
