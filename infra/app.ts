import { App } from 'aws-cdk-lib';
import { readServiceConfig, warnIfPlaceholder } from '#infra/config';
import { defineLmsGroups } from '#infra/lms-groups-app';

const app = new App();
const config = readServiceConfig(app);
const { service } = defineLmsGroups(app, config);
warnIfPlaceholder(service, config);
app.synth();
