// What the orders team relies on in the template the reuser app synthesized (test/reuser/run runs
// this): each construct used on the team's existing resources, and the props passed through for
// what the constructs create. Exits 1 naming every expectation that does not hold.
'use strict';
const fs = require('fs');
const template = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const resources = Object.entries(template.Resources).map(([id, r]) => ({ id, ...r }));
const ofType = (type) => resources.filter((r) => r.Type === type);
const text = (value) => JSON.stringify(value);
const failures = [];
let checks = 0;
const expect = (what, holds) => { checks += 1; if (!holds) failures.push(what); };

const queue = (name) => ofType('AWS::SQS::Queue').find((q) => q.Properties.QueueName === name);
expect('the chain creates the queue from queueProps ("invoicing"), still encrypted', queue('invoicing')
  && queue('invoicing').Properties.SqsManagedSseEnabled === true);
const mapping = ofType('AWS::Lambda::EventSourceMapping')[0];
expect('the chain feeds version 7 of the imported invoicing function', mapping
  && mapping.Properties.FunctionName === 'arn:aws:lambda:eu-west-1:123456789012:function:invoicing:7');
expect('eventSourceProps reach the mapping: batch size 5, maximum concurrency 4, the filter, partial batch responses',
  mapping && mapping.Properties.BatchSize === 5 && text(mapping.Properties.ScalingConfig) === '{"MaximumConcurrency":4}'
  && text(mapping.Properties.FilterCriteria).includes('EUR')
  && text(mapping.Properties.FunctionResponseTypes) === '["ReportBatchItemFailures"]');
expect('the subscription sends undeliverable messages to the team\'s own dead-letter queue',
  ofType('AWS::SNS::Subscription').some((s) => text(s.Properties.RedrivePolicy).includes('orders-dead-letters')));
const invokeConfig = ofType('AWS::Lambda::EventInvokeConfig')[0];
expect('the retries apply to the live alias SNS invokes, failing into the queue from failedInvocationsQueueProps',
  invokeConfig && invokeConfig.Properties.Qualifier === 'live' && queue('big-orders-failed')
  && text(invokeConfig.Properties.DestinationConfig).includes(queue('big-orders-failed').id));
expect('the request for quotes publishes to the team\'s request topic',
  ofType('AWS::Lambda::Function').some((f) => text(f.Properties.Environment).includes('quote-requests')));
expect('the request for quotes creates its API from apiProps ("orders-quotes"), with handlers from the copied jar',
  ofType('AWS::ApiGateway::RestApi').some((a) => a.Properties.Name === 'orders-quotes')
  && text(template).includes('QuoteCollectorHandler'));
const tables = ofType('AWS::DynamoDB::Table');
expect('the only table created is the saga\'s, from tableProps ("order-fares"), with point-in-time recovery (the '
  + 'request for quotes uses the team\'s "quotations")', tables.length === 1
  && tables[0].Properties.TableName === 'order-fares'
  && text(tables[0].Properties.PointInTimeRecoverySpecification) === '{"PointInTimeRecoveryEnabled":true}');
expect('the saga is an EXPRESS state machine publishing to the team\'s topic',
  ofType('AWS::StepFunctions::StateMachine').some((m) => m.Properties.StateMachineType === 'EXPRESS'
    && text(m.Properties.DefinitionString).includes('fare-outcomes')));
const reporting = ofType('AWS::Lambda::Function').find((f) => f.Properties.Handler === 'com.example.orders.Reporting::handleRequest');
expect('the JavaFunction runs with the platform team\'s role, traced', reporting
  && text(reporting.Properties.Role).includes('role/platform-lambda')
  && text(reporting.Properties.TracingConfig) === '{"Mode":"Active"}');
expect('the JavaFunction writes to the platform team\'s log group, and its role may write there',
  reporting && text(reporting.Properties.LoggingConfig).includes('/platform/orders-reporting')
  && ofType('AWS::IAM::Policy').some((p) => text(p.Properties.PolicyDocument).includes('/platform/orders-reporting')));
const archivingLogs = ofType('AWS::Logs::LogGroup').find((g) => g.Properties.LogGroupName === '/orders/archiving');
expect('a JavaFunction\'s log group from logGroupProps: the team\'s name, a year\'s retention, retained',
  archivingLogs && archivingLogs.Properties.RetentionInDays === 365 && archivingLogs.DeletionPolicy === 'Retain');
expect('the request for quotes\' collector drains the team\'s response queue',
  ofType('AWS::Lambda::EventSourceMapping').some((m) => text(m.Properties.EventSourceArn || '').includes('quote-responses"')));
expect('the response dead-letter alarm watches the team\'s dead-letter queue',
  ofType('AWS::CloudWatch::Alarm').some((a) => text(a.Properties.Dimensions || []).includes('quote-responses-dlq')));
expect('the deadline dead-letter queue comes from deadlineDeadLetterQueueProps, still encrypted',
  queue('quote-deadlines-dlq') && queue('quote-deadlines-dlq').Properties.SqsManagedSseEnabled === true);
expect('the responder attached with addResponder is subscribed under its name and counted',
  ofType('AWS::SNS::Subscription').some((s) => s.id.startsWith('QuotessurgepricingSubscription')
    && text(s.Properties.Endpoint).includes('function:surge-pricing'))
  && ofType('AWS::Lambda::Function').some((f) => text(f.Properties.Environment).includes('[\\"big-orders\\",\\"surge-pricing\\"]')));

if (failures.length > 0) {
  console.error('The reuser template ' + process.argv[2] + ' breaks what the team relies on:\n- ' + failures.join('\n- '));
  process.exit(1);
}
console.log('reuser expectations hold: ' + checks + ' checks');
