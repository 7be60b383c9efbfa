package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.ConsumerTimeout;
import com.wildrydes.constructs.internal.DeadLetterAlarms;
import com.wildrydes.constructs.internal.DeadLetterRedrive;
import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.QueueConsumers;
import com.wildrydes.constructs.internal.SecureQueues;
import com.wildrydes.constructs.internal.ValidatedProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/**
 * Topic-queue chaining: an SQS queue subscribed to a topic, between the topic and a consumer, so
 * that a consumer that is down, slow or failing loses nothing, and so that the queue spreads the
 * load over a bounded pool of consumers (a buffering load balancer).
 * <ul>
 *   <li>The queue subscribes with raw message delivery and an optional filter policy; only the
 *       topic may send to it (the queue policy names the topic as the source).</li>
 *   <li>A message received {@code maxReceiveCount} times without success moves to the
 *       dead-letter queue, which also takes what SNS could not deliver.</li>
 *   <li>With a consumer: an event source mapping with partial batch responses, so that one failed
 *       message does not send its whole batch back to the queue.</li>
 *   <li>Encrypted at rest, TLS only; alarms for any dead letter and for a growing backlog.</li>
 * </ul>
 */
public class TopicQueueChain extends Construct {

    private final IQueue queue;
    private final IQueue deadLetterQueue;
    private final FilteredSubscription subscription;
    private final EventSourceMapping eventSourceMapping;
    private final Alarm deadLetterAlarm;
    private final Alarm oldestMessageAlarm;

    /**
     * Creates the queue (or subscribes the one given) with its dead-letter queue, the subscription, the
     * consumer's event source mapping when there is a consumer, and the alarms.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the topic, and optionally a consumer and the queue's settings
     * @throws IllegalArgumentException if the props break a rule of SNS, SQS or Lambda (the message names
     * the construct's path, the prop, what was given and what was expected)
     */
    public TopicQueueChain(Construct scope, String id, TopicQueueChainProps props) {
        super(scope, id);
        boolean fifo = Boolean.TRUE.equals(props.getTopic().getFifo());
        Duration consumerTimeout = consumerTimeout(props);
        ValidatedProps.check(this, () -> validate(props, fifo, consumerTimeout));
        if (props.getConsumer() != null) {
            ValidatedProps.check(
                    this,
                    () -> QueueConsumers.requireReachable(
                            this, "TopicQueueChain", props.getQueue(), props.getConsumer()));
        }

        this.deadLetterQueue = SecureQueues.existingOrNewDeadLetterQueue(
                this, props.getDeadLetterQueue(), fifo, "TopicQueueChain", props.getDeadLetterQueueProps());
        this.queue = props.getQueue() != null
                ? props.getQueue()
                : ValidatedProps.check(this, () -> createQueue(props, fifo, consumerTimeout));
        if (props.getEventSourceProps() != null) {
            ValidatedProps.check(this, () -> QueueConsumers.validateOptions(queue, props.getEventSourceProps()));
        }
        this.subscription = new FilteredSubscription(
                this,
                "Subscription",
                FilteredSubscriptionProps.builder()
                        .topic(props.getTopic())
                        .queue(queue)
                        .deadLetterQueue(deadLetterQueue)
                        .filterPolicy(props.getFilterPolicy())
                        .rawMessageDelivery(props.getRawMessageDelivery())
                        .build());
        this.eventSourceMapping = props.getConsumer() != null ? connect(props) : null;

        this.deadLetterAlarm = DeadLetterAlarms.anyMessage(
                this,
                "DeadLetterAlarm",
                metricDeadLetters(DeadLetterAlarms.ALARM_METRIC),
                "A message landed in the dead-letter queue: inspect it, fix the cause, redrive it");
        this.oldestMessageAlarm =
                Boolean.FALSE.equals(props.getOldestMessageAlarm()) ? null : oldestMessageAlarm(props);
    }

    private Alarm oldestMessageAlarm(TopicQueueChainProps props) {
        Duration alarmAge = props.getOldestMessageAlarmAge() != null
                ? props.getOldestMessageAlarmAge()
                : TopicQueueChainProps.DEFAULT_OLDEST_MESSAGE_ALARM_AGE;
        return metricOldestMessageAge(DeadLetterAlarms.ALARM_METRIC)
                .createAlarm(
                        this,
                        "OldestMessageAlarm",
                        CreateAlarmOptions.builder()
                                .alarmDescription("The consumers are falling behind: the oldest message is older than "
                                        + alarmAge.toHumanString())
                                .threshold(alarmAge.toSeconds())
                                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                                .evaluationPeriods(5)
                                .treatMissingData(TreatMissingData.NOT_BREACHING)
                                .build());
    }

    private static Duration consumerTimeout(TopicQueueChainProps props) {
        if (props.getConsumerTimeout() != null) {
            return props.getConsumerTimeout();
        }
        return props.getConsumer() != null ? ConsumerTimeout.of(props.getConsumer()) : null;
    }

    private static void validate(TopicQueueChainProps props, boolean fifo, Duration consumerTimeout) {
        if (Boolean.FALSE.equals(props.getOldestMessageAlarm()) && props.getOldestMessageAlarmAge() != null) {
            throw new IllegalArgumentException("TopicQueueChain: oldestMessageAlarmAge "
                    + props.getOldestMessageAlarmAge().toHumanString() + " given with oldestMessageAlarm false: "
                    + "expected an age only for an alarm that exists");
        }
        ExistingOrProps.requireNotBoth(
                "TopicQueueChain", "queue", props.getQueue(), "queueProps", props.getQueueProps());
        ExistingOrProps.requireNotBoth(
                "TopicQueueChain",
                "deadLetterQueue",
                props.getDeadLetterQueue(),
                "deadLetterQueueProps",
                props.getDeadLetterQueueProps());
        QueueProps given = props.getQueueProps();
        if (given != null
                && ((given.getVisibilityTimeout() != null && props.getVisibilityTimeout() != null)
                        || (given.getRetentionPeriod() != null && props.getRetentionPeriod() != null))) {
            throw new IllegalArgumentException("TopicQueueChain: give visibilityTimeout and retentionPeriod as props "
                    + "or in queueProps, got one of them in both");
        }
        SqsEventSourceProps options = props.getEventSourceProps();
        if (options != null
                && (props.getBatchSize() != null
                        || props.getMaxBatchingWindow() != null
                        || props.getMaxConcurrency() != null)) {
            throw new IllegalArgumentException("TopicQueueChain: give batchSize, maxBatchingWindow and maxConcurrency "
                    + "as props or in eventSourceProps, got both");
        }
        if (options != null && props.getConsumer() == null) {
            throw new IllegalArgumentException(
                    "TopicQueueChain: eventSourceProps configure a consumer, got them " + "without one");
        }
        if (props.getQueue() != null && props.hasQueueSettings()) {
            throw new IllegalArgumentException("TopicQueueChain: give an existing queue or the settings of a new one "
                    + "(visibilityTimeout, retentionPeriod, maxReceiveCount), got both");
        }
        if (props.getDeadLetterQueue() != null
                && Boolean.TRUE.equals(props.getDeadLetterQueue().getFifo()) != fifo) {
            throw new IllegalArgumentException("TopicQueueChain: deadLetterQueue must be a "
                    + (fifo ? "FIFO" : "standard")
                    + " queue for a " + (fifo ? "FIFO" : "standard") + " topic (SQS moves messages only between queues "
                    + "of one kind), got a " + (fifo ? "standard" : "FIFO") + " queue");
        }
        if (props.getQueue() != null && Boolean.TRUE.equals(props.getQueue().getFifo()) != fifo) {
            throw new IllegalArgumentException("TopicQueueChain: a " + (fifo ? "FIFO" : "standard")
                    + " topic chains to a " + (fifo ? "FIFO" : "standard") + " queue, got a "
                    + (fifo ? "standard" : "FIFO") + " queue");
        }
        if (props.getConsumer() == null
                && (props.getBatchSize() != null
                        || props.getMaxBatchingWindow() != null
                        || props.getMaxConcurrency() != null
                        || props.getConsumerTimeout() != null)) {
            throw new IllegalArgumentException("TopicQueueChain: batchSize, maxBatchingWindow, maxConcurrency and "
                    + "consumerTimeout configure a consumer, got them without one");
        }
        if (props.getConsumer() != null
                && consumerTimeout == null
                && givenVisibilityTimeout(props) == null
                && props.getQueue() == null) {
            throw new IllegalArgumentException("TopicQueueChain: cannot read the timeout of consumer "
                    + props.getConsumer().getNode().getPath()
                    + " (an imported function): give consumerTimeout or visibilityTimeout");
        }
        Duration window = batchingWindow(props);
        if (props.getQueue() == null
                && givenVisibilityTimeout(props) == null
                && ((consumerTimeout != null && consumerTimeout.isUnresolved())
                        || (window != null && window.isUnresolved()))) {
            throw new IllegalArgumentException("TopicQueueChain: a created queue's visibilityTimeout is computed from "
                    + "the consumer's timeout and maxBatchingWindow, which cannot be done in the template when either is "
                    + "known only at deploy time, got consumerTimeout "
                    + (consumerTimeout == null ? "none" : consumerTimeout.toHumanString()) + " and maxBatchingWindow "
                    + (window == null ? "none" : window.toHumanString()) + " without a visibilityTimeout: give "
                    + "visibilityTimeout too (AWS advises six times the consumer's timeout plus the batching window)");
        }
        Duration visibility = givenVisibilityTimeout(props);
        if (visibility != null
                && consumerTimeout != null
                && !visibility.isUnresolved()
                && !consumerTimeout.isUnresolved()
                && visibility.toSeconds().doubleValue()
                        < consumerTimeout.toSeconds().doubleValue()) {
            throw new IllegalArgumentException(
                    "TopicQueueChain: visibilityTimeout must be at least the consumer's timeout ("
                            + consumerTimeout.toHumanString() + ", and AWS advises six times it), got "
                            + visibility.toHumanString()
                            + "; SQS would otherwise reject the event source mapping at deploy time");
        }
        Integer receives = props.getMaxReceiveCount();
        if (receives != null && (receives < 1 || receives > 1000)) {
            throw new IllegalArgumentException(
                    "TopicQueueChain: maxReceiveCount must be from 1 to 1000 (SQS's range), got " + receives);
        }
        Integer batch = props.getBatchSize();
        int maxBatch = fifo ? 10 : 10_000;
        if (batch != null && (batch < 1 || batch > maxBatch)) {
            throw new IllegalArgumentException("TopicQueueChain: batchSize must be from 1 to " + maxBatch + " for a "
                    + (fifo ? "FIFO" : "standard") + " queue, got " + batch);
        }
        if (fifo && props.getMaxBatchingWindow() != null) {
            throw new IllegalArgumentException("TopicQueueChain: maxBatchingWindow applies to standard queues only "
                    + "(Lambda refuses a batching window on a FIFO queue's event source mapping), got "
                    + props.getMaxBatchingWindow().toHumanString() + " with a FIFO topic");
        }
        if (batch != null && batch > 10 && window == null) {
            throw new IllegalArgumentException(
                    "TopicQueueChain: a batchSize over 10 needs a maxBatchingWindow, got batchSize " + batch
                            + " without one");
        }
        if (batch != null
                && batch > 10
                && !window.isUnresolved()
                && window.toMilliseconds().doubleValue() < 1000) {
            throw new IllegalArgumentException("TopicQueueChain: a batchSize over 10 needs a maxBatchingWindow of at "
                    + "least 1 second (Lambda's rule), got batchSize " + batch + " with maxBatchingWindow "
                    + window.toHumanString());
        }
        Integer concurrency = props.getMaxConcurrency();
        if (concurrency != null && (concurrency < 2 || concurrency > 1000)) {
            throw new IllegalArgumentException(
                    "TopicQueueChain: maxConcurrency must be from 2 to 1000 (Lambda's range), got " + concurrency);
        }
    }

    /** The visibility timeout the reuser set, as a prop or in queueProps; null when none. */
    private static Duration givenVisibilityTimeout(TopicQueueChainProps props) {
        if (props.getVisibilityTimeout() != null) {
            return props.getVisibilityTimeout();
        }
        return props.getQueueProps() != null ? props.getQueueProps().getVisibilityTimeout() : null;
    }

    private static Duration batchingWindow(TopicQueueChainProps props) {
        return props.getEventSourceProps() != null
                ? props.getEventSourceProps().getMaxBatchingWindow()
                : props.getMaxBatchingWindow();
    }

    private Queue createQueue(TopicQueueChainProps props, boolean fifo, Duration consumerTimeout) {
        Duration visibility = props.getVisibilityTimeout() != null
                ? props.getVisibilityTimeout()
                : consumerTimeout != null
                        ? QueueConsumers.visibilityTimeoutFor(consumerTimeout, batchingWindow(props))
                        : TopicQueueChainProps.DEFAULT_VISIBILITY_TIMEOUT;
        return QueueConsumers.queue(
                this,
                "Queue",
                fifo,
                visibility,
                props.getRetentionPeriod() != null
                        ? props.getRetentionPeriod()
                        // Nothing lost by default: a queue no function drains keeps its messages as
                        // long as SQS can, while its backlog alarm waits to be heard.
                        : props.getConsumer() == null
                                ? SecureQueues.LONGEST_RETENTION
                                : TopicQueueChainProps.DEFAULT_RETENTION_PERIOD,
                deadLetterQueue,
                props.getMaxReceiveCount() != null
                        ? props.getMaxReceiveCount()
                        : TopicQueueChainProps.DEFAULT_MAX_RECEIVE_COUNT,
                "TopicQueueChain: queueProps",
                props.getQueueProps());
    }

    private EventSourceMapping connect(TopicQueueChainProps props) {
        SqsEventSourceProps options = props.getEventSourceProps() != null
                ? props.getEventSourceProps()
                : SqsEventSourceProps.builder()
                        .batchSize(props.getBatchSize())
                        .maxBatchingWindow(props.getMaxBatchingWindow())
                        .maxConcurrency(props.getMaxConcurrency())
                        .build();
        return QueueConsumers.connect(this, "EventSourceMapping", queue, props.getConsumer(), options);
    }

    /**
     * Lets {@code grantee} read and delete dead letters, to inspect them or to replay them itself (it
     * then also needs to send where they go, for example {@code getQueue().grantSendMessages}). SQS's
     * own redrive ({@code StartMessageMoveTask}) needs more than this grant: see
     * {@link #grantRedriveDeadLetters}.
     *
     * @param grantee the principal that reads the dead-letter queue, such as an operator's role
     * @return the grant on the dead-letter queue
     */
    public Grant grantConsumeDeadLetters(IGrantable grantee) {
        return deadLetterQueue.grantConsumeMessages(grantee);
    }

    /**
     * Lets {@code grantee} replay the dead letters into the chain's queue with SQS's own redrive:
     * {@code aws sqs start-message-move-task --source-arn <dead-letter queue ARN> --destination-arn
     * <queue ARN>} (the destination named, since some dead letters come from the subscription, not
     * the queue). The move-task actions and receive, delete and attributes on the dead-letter queue;
     * send on the queue.
     *
     * @param grantee the principal that starts, lists and cancels the move, such as an operator's role
     * @return the grant, over the dead-letter queue and the queue
     */
    public Grant grantRedriveDeadLetters(IGrantable grantee) {
        return DeadLetterRedrive.grant(grantee, deadLetterQueue, queue);
    }

    /**
     * Messages waiting in the dead-letter queue (SQS's {@code ApproximateNumberOfMessagesVisible}), read
     * with CDK's default period and statistic.
     *
     * @return the metric
     */
    public Metric metricDeadLetters() {
        return deadLetterQueue.metricApproximateNumberOfMessagesVisible();
    }

    /**
     * Messages waiting in the dead-letter queue, read as {@code props} say.
     *
     * @param props the period, statistic and label to read the metric with
     * @return the metric
     */
    public Metric metricDeadLetters(MetricOptions props) {
        return deadLetterQueue.metricApproximateNumberOfMessagesVisible(props);
    }

    /**
     * The age of the oldest message in the queue, in seconds (SQS's {@code ApproximateAgeOfOldestMessage}):
     * how far the consumers are behind.
     *
     * @return the metric
     */
    public Metric metricOldestMessageAge() {
        return queue.metricApproximateAgeOfOldestMessage();
    }

    /**
     * The age of the oldest message in the queue, in seconds, read as {@code props} say.
     *
     * @param props the period, statistic and label to read the metric with
     * @return the metric
     */
    public Metric metricOldestMessageAge(MetricOptions props) {
        return queue.metricApproximateAgeOfOldestMessage(props);
    }

    /**
     * The queue between the topic and its consumers: the one given in the props, or the one this construct
     * created.
     *
     * @return the queue, never null
     */
    public IQueue getQueue() {
        return queue;
    }

    /**
     * Where SNS puts what it could not deliver and, for a queue this construct created, where a message
     * goes after {@code maxReceiveCount} receives: the queue given in the props, or the one this construct
     * created.
     *
     * @return the dead-letter queue, never null
     */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * The queue's subscription to the topic, with its filter policy.
     *
     * @return the subscription
     */
    public FilteredSubscription getSubscription() {
        return subscription;
    }

    /**
     * The consumer's event source mapping, with partial batch responses.
     *
     * @return the mapping, or null without a consumer
     */
    public EventSourceMapping getEventSourceMapping() {
        return eventSourceMapping;
    }

    /**
     * Fires when any message is in the dead-letter queue. Add an action to be told.
     *
     * @return the alarm, never null
     */
    public Alarm getDeadLetterAlarm() {
        return deadLetterAlarm;
    }

    /**
     * Fires when the oldest message has waited longer than {@code oldestMessageAlarmAge} for five minutes:
     * the consumers are falling behind.
     *
     * @return the alarm, or null when {@code oldestMessageAlarm} is false
     */
    public Alarm getOldestMessageAlarm() {
        return oldestMessageAlarm;
    }
}
